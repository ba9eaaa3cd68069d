/*
 * Antimony as written by tellurium users, plus Osteon's extensions (external functions,
 * metadata attributes). One statement per line (or separated by ';').
 *
 * Error handling: the error strategy in org.osteon.text throws StatementAbort to give up on a
 * statement; `line` catches it and skips the rest of the line, so one bad line costs one message
 * and the following lines are still checked.
 */
grammar Antimony;

// Parse-tree nodes with small child lists (see CompactRuleContext): a large model's tree is
// millions of nodes, most of them with one child.
options { contextSuperClass = CompactRuleContext; }

// No @header package: antlr4-maven-plugin derives "org.osteon.text.antlr" from this file's
// directory, and a header would declare the package twice.

@parser::members {
/** Thrown by the error strategy to abandon the current statement (see {@code line}). */
public static final class StatementAbort extends RuntimeException {
    public final boolean skipRestOfLine;

    public StatementAbort(boolean skipRestOfLine) {
        super(null, null, false, false);
        this.skipRestOfLine = skipRestOfLine;
    }
}

private void resync(StatementAbort abort) {
    if (abort == null || abort.skipRestOfLine) {
        while (true) {
            int t = _input.LA(1);
            // "...; end" on one line must still close its block
            if (t == EOF || t == NEWLINE || (t == END && _input.index() > 0 && _input.LA(-1) == SEMI)) {
                break;
            }
            _input.consume();
        }
    }
    _errHandler.reset(this);
}
}

@lexer::members {
private boolean identifierContinues() {
    int c = _input.LA(1);
    return Character.isLetterOrDigit(c) || c == '_';
}

private boolean followedByFunction() {
    int i = 1;
    int c = _input.LA(i);
    if (c != ' ' && c != '\t') {
        return false;
    }
    while (c == ' ' || c == '\t') {
        c = _input.LA(++i);
    }
    String word = "function";
    for (int k = 0; k < word.length(); k++) {
        if (_input.LA(i + k) != word.charAt(k)) {
            return false;
        }
    }
    int after = _input.LA(i + word.length());
    return !Character.isLetterOrDigit(after) && after != '_';
}

// "model notes ..." or "model.sboTerm = ..." inside a model block annotates that model; any
// other "model" starts a model block.
private boolean annotatesModel() {
    int i = 1;
    int c = _input.LA(i);
    while (c == ' ' || c == '\t') {
        c = _input.LA(++i);
    }
    if (c == '.') {
        return true;
    }
    if (!Character.isLetter(c) && c != '_') {
        return false;
    }
    while (Character.isLetterOrDigit(c) || c == '_') {
        c = _input.LA(++i);
    }
    while (c == ' ' || c == '\t') {
        c = _input.LA(++i);
    }
    return c == '"' || c == '`';
}
}

// ---------------------------------------------------------------- structure

file
    : item* EOF
    ;

item
    : modelBlock
    | line
    | strayEnd
    ;
    catch [StatementAbort abort] { resync(abort); }
    catch [RecognitionException re] { _errHandler.reportError(this, re); resync(null); }

// "model" and its synonym "module"
modelBlock
    : MODEL modelHeader line* END
    ;

// libAntimony writes some BioModels names with dashes ("Kholodenko1999_-_EGFR_signaling")
modelHeader locals [boolean broken]
    : STAR? name=ID (MINUS ID)* (LPAREN params? RPAREN)?
    ;
    catch [StatementAbort abort] { _localctx.broken = true; resync(abort); }
    catch [RecognitionException re] { _errHandler.reportError(this, re); _localctx.broken = true; resync(null); }

line locals [boolean broken]
    : sep
    | statement stmtEnd
    ;
    catch [StatementAbort abort] { _localctx.broken = true; resync(abort); }
    catch [RecognitionException re] { _errHandler.reportError(this, re); _localctx.broken = true; resync(null); }

sep
    : NEWLINE
    | SEMI
    ;

stmtEnd
    : NEWLINE
    | SEMI
    | EOF
    ;

strayEnd
    : END
    ;

// ---------------------------------------------------------------- statements

statement
    : label=qname COLON (event | reaction | submodel | algebraic)               # labelled
    | event                                                                     # eventStatement
    | reaction                                                                  # reactionStatement
    | submodel                                                                  # submodelStatement
    | algebraic                                                                 # algebraicStatement
    | target=qname ASSIGN_RULE expr?                                             # assignmentRule
    | target=qname PRIME ASSIGN expr?                                            # rateRule
    | target=qname ASSIGN (STRING | sbo | value)?                                # valueAssignment
    | target=qname IS text                                                       # displayName
    | target=qname IS other=qname                                               # synonym
    | target=qname HAS unit=ID                                                   # unitAnnotation
    | target=qname IN compartment=qname                                           # placement
    | command=ID STRING                                                         # directive
    | target=qname qualifier=ID (DOT field=word)? (strings | NUMBER)            # annotation
    | MODEL_NOTE (DOT key=word ASSIGN (sbo | NUMBER) | qualifier=ID strings)    # modelAnnotation
    | dashed=dashedName (IS text | qualifier=ID strings)                      # dashedModelMetadata
    | declaration                                                               # declarationStatement
    | UNIT name=ID (ASSIGN unitExpr)?                                           # unitDefinition
    | FUNCTION name=ID LPAREN params? RPAREN NEWLINE* body=expr sep* END        # functionDefinition
    | EXTERNAL FUNCTION name=ID LPAREN params? RPAREN                           # externalFunction
    ;

// "at d after trigger": the first expression is the delay only when 'after' follows it,
// which keeps the choice to one token of lookahead.
event
    : AT first=expr (AFTER trigger=expr)? (COMMA eventOption)* COLON
      (eventAssignment (COMMA NEWLINE* eventAssignment)*)?
    ;

eventOption
    : name=ID ASSIGN expr
    ;

eventAssignment
    : target=qname ASSIGN expr
    ;

// "J0: A -> B; k*A": the rate may be left out ("A -> B;") and given later ("J0 = k*A").
reaction
    : reactants=reactionSide? arrow=(ARROW | IRR_ARROW) products=reactionSide? SEMI rate=expr?
    ;

reactionSide
    : speciesRef (PLUS speciesRef)*
    ;

// "2E" lexes as a number missing its exponent digits; in a reaction it means 2 of species E.
// "n S" with a name before the species: a species reference named n, whose value is the
// stoichiometry (libAntimony's named stoichiometries).
speciesRef
    : stoichiometry=NUMBER? DOLLAR? species=qname
    | reference=qname DOLLAR? species=qname
    | fused=BAD_NUMBER
    ;

// "A: sub(x, y), timeconv=60, extentconv=k in C"
submodel
    : module=ID LPAREN (submodelArgument (COMMA submodelArgument)*)? RPAREN (COMMA submodelOption)* (IN compartment=qname)?
    ;

submodelArgument
    : qname
    | signedNumber
    ;

submodelOption
    : key=ID ASSIGN (qname | signedNumber)
    ;

// "0 = x + y - T": an algebraic rule (the number on the left must be 0)
algebraic
    : zero=NUMBER ASSIGN expr
    ;

// "3 pM": the reader accepts a unit only after a plain number
value
    : expr unit=ID?
    ;

// SBO terms: 236 or SBO:0000236
sbo
    : prefix=ID COLON NUMBER
    ;

strings
    : text (COMMA NEWLINE* text)*
    ;

text
    : STRING
    | TRIPLE_STRING
    ;

signedNumber
    : sign=(MINUS | PLUS)? (NUMBER | INF | NAN)
    ;

declaration
    : modifier+ kind=(SPECIES | COMPARTMENT)? declItem (COMMA declItem)*
    | kind=(SPECIES | COMPARTMENT) declItem (COMMA declItem)*
    ;

modifier
    : CONST
    | VAR
    | SUBSTANCE_ONLY
    ;

declItem
    : DOLLAR? declared=qname (IN compartment=qname)? (ASSIGN value)?
    ;

params
    : ID (COMMA ID)*
    ;

// A unit: numbers, unit names, '*', '/', powers and parentheses, as libAntimony writes them:
// "1e-3 mole / 1e-3 litre", "1 / 60 second", "(1e-6 metre)^2", "litre / (mole * second)".
// As in libAntimony, a number right before a unit scales it before any power applies:
// "1e-2 metre^3" is (1e-2 m)^3 = 1e-6 m^3, and "1e-6 * metre^3" is the same.
unitExpr
    : unitTerm (unitOp unitTerm)*
    ;

unitOp
    : STAR
    | SLASH
    ;

unitTerm
    : unitAtom ((CARET | POW2) exponent=signedNumber)?
    ;

unitAtom
    : signedNumber unit=ID?
    | unit=ID
    | LPAREN unitExpr RPAREN
    ;

// the metadata lines libAntimony writes for a model whose name has dashes
dashedName
    : ID (MINUS ID)+
    ;

// A dotted name reaches into a submodel: A.S is species S of submodel A.
qname
    : ID (DOT word)*
    ;

// attribute names may be keywords: A.unit = "..." is fine
word
    : ID | MODEL | END | FUNCTION | EXTERNAL | UNIT | SPECIES | COMPARTMENT | CONST | VAR
    | SUBSTANCE_ONLY | IN | IS | HAS | AT | AFTER | AND | OR | NOT | INF | NAN
    ;

// ---------------------------------------------------------------- expressions
// One rule per precedence level, lowest first; '^' is right-associative and binds tighter
// than unary minus (-x^2 is -(x^2)) while its exponent may itself be signed (2^-x).

expr
    : orExpr
    ;

orExpr
    : andExpr (op+=(OR_OR | OR) andExpr)*
    ;

andExpr
    : eqExpr (op+=(AND_AND | AND) eqExpr)*
    ;

eqExpr
    : relExpr (op+=(EQ | NE) relExpr)*
    ;

relExpr
    : addExpr (op+=(LT | LE | GT | GE) addExpr)*
    ;

addExpr
    : mulExpr (op+=(PLUS | MINUS) mulExpr)*
    ;

mulExpr
    : unaryExpr (op+=(STAR | SLASH | PERCENT) unaryExpr)*
    ;

unaryExpr
    : op=(MINUS | PLUS | BANG | NOT) unaryExpr
    | powExpr
    ;

powExpr
    : primary ((CARET | POW2) exponent=unaryExpr)?
    ;

primary
    : (NUMBER | INF | NAN)                      # numberLiteral
    | name=ID LPAREN (expr (COMMA expr)*)? RPAREN   # call
    | qname                                     # symbol
    | LPAREN expr RPAREN                        # parenthesized
    ;

// ---------------------------------------------------------------- tokens
// Declared in the order error messages list them.

MODEL_NOTE     : ('model' | 'module') {annotatesModel()}? ;
MODEL          : 'model' | 'module' ;
END            : 'end' ;
FUNCTION       : 'function' ;
// only before 'function': libAntimony models use 'external' as a name
EXTERNAL       : 'external' {followedByFunction()}? ;
UNIT           : 'unit' ;
SPECIES        : 'species' ;
COMPARTMENT    : 'compartment' ;
CONST          : 'const' ;
VAR            : 'var' ;
SUBSTANCE_ONLY : 'substanceOnly' ;
IN             : 'in' ;
IS             : 'is' ;
HAS            : 'has' ;
AT             : 'at' ;
AFTER          : 'after' ;
AND            : 'and' ;
OR             : 'or' ;
NOT            : 'not' ;
INF            : 'inf' ;
NAN            : 'NaN' ;

COLON       : ':' ;
ASSIGN_RULE : ':=' ;
PRIME       : '\'' ;
ASSIGN      : '=' ;
DOT         : '.' ;
COMMA       : ',' ;
LPAREN      : '(' ;
RPAREN      : ')' ;
DOLLAR      : '$' ;
ARROW       : '->' ;
IRR_ARROW   : '=>' ;
PLUS        : '+' ;
MINUS       : '-' ;
STAR        : '*' ;
SLASH       : '/' ;
PERCENT     : '%' ;
CARET       : '^' ;
POW2        : '**' ;
EQ          : '==' ;
// libAntimony writes some inequalities as "x! = 0"
NE          : '!=' | '!' [ \t]+ '=' ;
LT          : '<' ;
LE          : '<=' ;
GT          : '>' ;
GE          : '>=' ;
AND_AND     : '&&' ;
OR_OR       : '||' ;
BANG        : '!' ;

NUMBER
    : DIGITS ('.' DIGITS?)? EXPONENT?
    | '.' DIGITS EXPONENT?
    ;

// "1e" or "2.5E+": an exponent without digits. "2ex" is still 2 times species ex.
BAD_NUMBER
    : (DIGITS ('.' DIGITS?)? | '.' DIGITS) [eE] [+-]? {!identifierContinues()}?
    ;

ID : [A-Za-z_] [A-Za-z0-9_]* ;

STRING
    : '"' ('\\' ~[\r\n] | ~["\\\r\n])* '"'
    ;

// libAntimony's multi-line text: ```...```
TRIPLE_STRING
    : '```' .*? '```'
    ;

UNTERMINATED_STRING
    : '"' ('\\' ~[\r\n] | ~["\\\r\n])* '\\'?
    ;

SEMI    : ';' ;
NEWLINE : '\r'? '\n' | '\r' ;

WS            : [ \t\f\u00A0\uFEFF]+ -> skip ;
LINE_COMMENT  : ('//' | '#') ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;

UNTERMINATED_COMMENT
    : '/*' (~'*' | '*'+ ~[*/])* '*'*
    ;

// Anything else becomes a token so the parser can name it in a message.
ILLEGAL : . ;

fragment DIGITS   : [0-9]+ ;
fragment EXPONENT : [eE] [+-]? DIGITS ;
