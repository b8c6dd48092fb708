//go:build !unix

package config

// planted has no owner to compare outside unix: a found config is used.
func planted(string) error { return nil }
