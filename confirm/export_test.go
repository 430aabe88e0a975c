package confirm

import "github.com/tradepact/tradepact/agreement"

// AmendAt appends a revision by role dated at, skipping the checks of
// Amend, as a hostile or broken tool would: tests build with it files that
// Amend refuses to make, to check that Verify refuses them too.
func AmendAt(c *Contract, a *agreement.Agreement, role Role, s Signer, at string) error {
	cfg := newConfig(nil)
	res, err := c.verify(cfg)
	if err != nil {
		return err
	}
	_, err = c.appendRevision(a, role, s, at, cfg, res.Latest())
	return err
}
