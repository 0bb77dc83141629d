namespace MSecure.Core.Kit.Printing;

/// <summary>
/// The printable page's style sheet, inlined in the page: black on white, sized in
/// millimetres to fit one A4 or US Letter page (180 mm wide at most, 15 mm margins).
/// </summary>
internal static class KitHtmlStyle
{
    internal const string Css = """
        @page { margin: 15mm; }
        * { box-sizing: border-box; }
        html { color: #000; background: #fff; }
        body { margin: 0; font: 11pt/1.45 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
        .sheet { max-width: 180mm; margin: 0 auto; padding: 10mm 9mm; background: #fff; }
        h1 { font-size: 22pt; line-height: 1.2; margin: 0; }
        .summary { font-size: 12pt; margin: 1.5mm 0 5mm; }
        h2 { font-size: 12.5pt; margin: 6mm 0 2.5mm; padding-bottom: 1mm; border-bottom: 0.3mm solid #000; break-after: avoid; }
        .kit { display: flex; align-items: center; gap: 7mm; padding: 5mm; border: 0.5mm solid #000; border-radius: 3mm; }
        .qr { flex: none; width: 64mm; height: 64mm; }
        .qr svg { display: block; width: 100%; height: 100%; }
        .details { flex: 1; min-width: 0; }
        dl { margin: 0; }
        dt { font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.08em; color: #444; margin-top: 4mm; }
        dt:first-child { margin-top: 0; }
        dd { margin: 0.5mm 0 0; font-size: 12pt; overflow-wrap: anywhere; }
        dd.mono { font-size: 10pt; }
        .mono { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, Menlo, "Courier New", monospace; }
        .kit-text { margin: 0; padding: 3mm 4mm 3mm 13mm; font-size: 13pt; line-height: 1.75; letter-spacing: 0.06em; border: 0.3mm dashed #000; border-radius: 2mm; }
        .kit-text li { white-space: pre; }
        .kit-text li::marker { font-size: 8.5pt; color: #555; }
        .dash { color: #777; }
        .hint { font-size: 9.5pt; color: #333; margin: 1.5mm 0 0; }
        .steps { margin: 0; padding-left: 6mm; }
        .steps li { margin: 0 0 2mm; }
        .kit, .kit-text, .steps li { break-inside: avoid; }
        @media screen {
          html { background: #e6e6e6; }
          .sheet { margin: 6mm auto; box-shadow: 0 0.5mm 3mm rgba(0, 0, 0, 0.25); }
        }
        @media print {
          html, body { background: #fff; }
          body { font-size: 10pt; }
          .sheet { max-width: none; padding: 0; margin: 0; }
          .summary { margin-bottom: 4mm; }
          h2 { margin: 5mm 0 2mm; }
          .qr { width: 58mm; height: 58mm; }
          .kit-text { font-size: 12pt; line-height: 1.55; }
          .steps li { margin-bottom: 1.5mm; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """;
}
