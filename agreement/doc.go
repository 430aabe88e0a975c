// Package agreement is the terms of a trade: the model, strict decoding of
// YAML and JSON terms files, validation with findings in the user's language,
// the canonical form and the digest that both parties confirm.
package agreement
