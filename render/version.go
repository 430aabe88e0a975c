package render

// Version is the tradepact version written into the metadata of every PDF
// (Creator "tradepact <Version>"). It is a constant rather than build
// information so that two builds of one version write the same bytes.
// Bump it whenever the PDF for the same input changes (layout, line
// breaking, templates, the signing record): confirm.VerifyPDF compares a
// PDF with a fresh rendering only when the versions match, and otherwise
// says which version made it. TestPDFReproducible enforces the bump.
const Version = "0.9.0"
