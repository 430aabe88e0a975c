package render

// Version is the tradepact version written into the metadata of every PDF
// (Creator "tradepact <Version>"). It is a constant rather than build
// information so that two builds of one version write the same bytes.
const Version = "0.1.0"
