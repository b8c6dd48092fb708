// Package e2e holds end-to-end tests of the generator as another project
// uses it: through `go generate` in a separate module, as a CI drift check,
// and as a built binary writing into real folders. It has no exported API;
// everything lives in its _test.go files.
package e2e
