package org.osteon.report;

/**
 * The report's style sheet. System fonts only (nothing to download); 17 px base size and
 * near-black on white for projectors; a single column that narrows on small screens; print
 * rules that keep figures and table rows whole.
 */
final class ReportCss {
    private ReportCss() {
    }

    static final String CSS = String.join("\n",
            ":root { color-scheme: light; }",
            "html { -webkit-text-size-adjust: 100%; }",
            "body { margin: 0; background: #fff; color: #1a1a1a;",
            "  font: 17px/1.55 system-ui, -apple-system, \"Segoe UI\", Roboto, \"DejaVu Sans\", Arial, sans-serif; }",
            "main { max-width: 1100px; margin: 0 auto; padding: 1.5rem clamp(1rem, 4vw, 3rem) 3rem; }",
            "h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 0.75rem; }",
            "h2 { font-size: 1.45rem; margin: 2.5rem 0 0.8rem; padding-bottom: 0.25rem;",
            "  border-bottom: 2px solid #c9d1d9; }",
            "h3 { font-size: 1.15rem; margin: 1.6rem 0 0.5rem; }",
            "header p { font-size: 1.1rem; color: #2b2b2b; max-width: 60em; }",
            "p { max-width: 60em; }",
            "figure { margin: 1.2rem 0 2rem; }",
            "figure svg, figure img { display: block; width: 100%; height: auto; max-width: 100%; }",
            "figcaption { margin-top: 0.4rem; color: #3a3a3a; font-size: 0.95rem; }",
            ".table { overflow-x: auto; margin: 0.5rem 0 1.5rem; }",
            "table { border-collapse: collapse; min-width: 50%; font-size: 0.95rem;",
            "  font-variant-numeric: tabular-nums; }",
            "th, td { padding: 0.4rem 0.8rem; border-bottom: 1px solid #d8dde3; text-align: left;",
            "  vertical-align: top; }",
            "thead th { background: #eef1f4; border-bottom: 2px solid #b8c0c8; font-weight: 600; }",
            "tbody th { font-weight: 600; }",
            "tbody tr:nth-child(even) { background: #f8f9fa; }",
            ".num { text-align: right; white-space: nowrap; }",
            "table.kv th { width: 12em; }",
            "details { margin: 0.3rem 0; }",
            "summary { cursor: pointer; font-weight: 600; }",
            "ul.names { columns: 16em; margin: 0.4rem 0 1rem; }",
            "code { font-family: ui-monospace, \"DejaVu Sans Mono\", Menlo, Consolas, monospace; font-size: 0.92em; }",
            "footer { margin-top: 3rem; color: #555; font-size: 0.85rem; }",
            "@media (max-width: 640px) { body { font-size: 16px; } h1 { font-size: 1.6rem; } }",
            "@media print {",
            "  body { font-size: 10.5pt; }",
            "  main { max-width: none; padding: 0; }",
            "  h2 { break-after: avoid; }",
            "  figure, tr, details { break-inside: avoid; }",
            "  tbody tr:nth-child(even) { background: none; }",
            "}",
            "");
}
