package rt

// rules stands in for the contract's forbidden-material rules, which the
// generated package defines in contract.go; the emitter does not copy this
// file.
var rules []*rule
