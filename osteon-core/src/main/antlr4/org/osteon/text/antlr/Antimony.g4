/*
 * Antimony as written by tellurium users, plus Osteon's extensions (external functions,
 * metadata attributes). One statement per line (or separated by ';').
 *
 * Error handling: the error strategy in org.osteon.text throws StatementAbort to give up on a
 * statement; `line` catches it and skips the rest of the line, so one bad line costs one message
 * and the following lines are still checked.
 */
grammar Antimony;

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

modelBlock
    : MODEL modelHeader line* END
    ;

modelHeader locals [boolean broken]
    : STAR? name=ID (LPAREN RPAREN)?
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
    : label=ID COLON (event | reaction)                                          # labelled
    | event                                                                     # eventStatement
    | reaction                                                                  # reactionStatement
    | target=ID ASSIGN_RULE expr                                                # assignmentRule
    | target=ID PRIME ASSIGN expr                                               # rateRule
    | target=ID ASSIGN value                                                    # valueAssignment
    | target=ID IS STRING                                                       # displayName
    | target=ID HAS unit=ID                                                     # unitAnnotation
    | target=ID DOT key=word ASSIGN STRING                                      # attribute
    | declaration                                                               # declarationStatement
    | UNIT name=ID ASSIGN unitExpr                                              # unitDefinition
    | FUNCTION name=ID LPAREN params? RPAREN NEWLINE* body=expr sep* END        # functionDefinition
    | EXTERNAL FUNCTION name=ID LPAREN params? RPAREN                           # externalFunction
    ;

// "at d after trigger": the first expression is the delay only when 'after' follows it,
// which keeps the choice to one token of lookahead.
event
    : AT first=expr (AFTER trigger=expr)? (COMMA eventOption)* COLON
      (eventAssignment (COMMA eventAssignment)*)?
    ;

eventOption
    : name=ID ASSIGN expr
    ;

eventAssignment
    : target=ID ASSIGN expr
    ;

reaction
    : reactants=reactionSide? arrow=(ARROW | IRR_ARROW) products=reactionSide? SEMI rate=expr
    ;

reactionSide
    : speciesRef (PLUS speciesRef)*
    ;

// "2E" lexes as a number missing its exponent digits; in a reaction it means 2 of species E
speciesRef
    : stoichiometry=NUMBER? DOLLAR? name=ID
    | fused=BAD_NUMBER
    ;

// "3 pM": the reader accepts a unit only after a plain number
value
    : expr unit=ID?
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
    : DOLLAR? name=ID (IN compartment=ID)? (ASSIGN value)?
    ;

params
    : ID (COMMA ID)*
    ;

unitExpr
    : signedNumber (unitOp? unitFactor (unitOp unitFactor)*)?
    | unitFactor (unitOp unitFactor)*
    ;

unitOp
    : STAR
    | SLASH
    ;

unitFactor
    : name=ID ((CARET | POW2) exponent=signedNumber)?
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
    : unaryExpr (op+=(STAR | SLASH) unaryExpr)*
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
    | name=ID                                   # symbol
    | LPAREN expr RPAREN                        # parenthesized
    ;

// ---------------------------------------------------------------- tokens
// Declared in the order error messages list them.

MODEL          : 'model' ;
END            : 'end' ;
FUNCTION       : 'function' ;
EXTERNAL       : 'external' ;
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
CARET       : '^' ;
POW2        : '**' ;
EQ          : '==' ;
NE          : '!=' ;
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
