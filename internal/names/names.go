// Package names turns spec names into Go identifiers once, so every emitter
// and every collision check agrees on the same spelling.
package names

import (
	"go/token"
	"strings"
	"sync"
	"unicode"
)

// initialisms are upper-cased whole, following Go's naming conventions.
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "DNS": true,
	"EOF": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true,
	"IP": true, "JSON": true, "JSONL": true, "LHS": true, "OK": true, "QPS": true, "RAM": true, "RHS": true,
	"RPC": true, "SLA": true, "SMTP": true, "SQL": true, "SSH": true, "SSO": true, "TCP": true,
	"TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true, "UUID": true,
	"URI": true, "URL": true, "UTF8": true, "VM": true, "XML": true, "XMPP": true,
	"XSRF": true, "XSS": true,
}

// Words splits a name at separators, case changes and digit boundaries.
func Words(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = nil
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case unicode.IsUpper(r) && len(cur) > 0 && (unicode.IsLower(cur[len(cur)-1]) ||
			(i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(cur[len(cur)-1]))):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return words
}

// Namer turns spec names into Go identifiers with Go's common initialisms
// plus a spec's own (contract initialisms), each spelled as the spec writes
// it: SaaS, EHR.
type Namer struct {
	extra map[string]string // upper-cased word -> spelling
	// memo holds the names already converted (nil: none are kept): a
	// spec repeats its field names in every message, and splitting them
	// into words was a third of what validating a large spec cost.
	mu   sync.Mutex
	memo map[string]string
}

// NewNamer returns a namer that also knows the given initialisms.
func NewNamer(extra []string) *Namer {
	n := &Namer{extra: map[string]string{}, memo: map[string]string{}}
	for _, e := range extra {
		n.extra[strings.ToUpper(e)] = e
	}
	return n
}

// defaultNamer keeps no memo: it lives as long as the process.
var defaultNamer = &Namer{extra: map[string]string{}}

// Exported converts a spec name into an exported Go identifier with Go's
// common initialisms only; see Namer.Exported.
func Exported(s string) string { return defaultNamer.Exported(s) }

// Exported converts a spec name into an exported Go identifier: words are
// title-cased, initialisms written as the namer knows them, and a result
// that does not start with an upper-case letter (empty, a leading digit, or
// a script without case such as 名前 or نام) gets an X prefix, so the
// identifier is always valid and exported.
func (n *Namer) Exported(s string) string {
	if n.memo == nil {
		return n.exported(s)
	}
	n.mu.Lock()
	out, ok := n.memo[s]
	n.mu.Unlock()
	if !ok {
		out = n.exported(s)
		n.mu.Lock()
		n.memo[s] = out
		n.mu.Unlock()
	}
	return out
}

func (n *Namer) exported(s string) string {
	var b strings.Builder
	for _, w := range Words(s) {
		up := strings.ToUpper(w)
		if sp, ok := n.extra[up]; ok {
			b.WriteString(sp)
			continue
		}
		if initialisms[up] {
			b.WriteString(up)
			continue
		}
		if sp, ok := n.plural(w); ok {
			b.WriteString(sp)
			continue
		}
		rs := []rune(w)
		b.WriteString(string(unicode.ToUpper(rs[0])))
		b.WriteString(string(rs[1:]))
	}
	out := b.String()
	if out == "" || !unicode.IsUpper([]rune(out)[0]) {
		out = "X" + out
	}
	return out
}

// plural spells the plural of an initialism as Go code does, the
// initialism followed by a lower-case s: ids → IDs, urls → URLs, and with a
// contract initialism skus → SKUs. Only a word that ends in a lower-case s
// counts (IDS written so stays as written), and not one whose initialism
// itself ends in S or whose form without the s is another initialism's
// stem (https is HTTPS, not HTTPs), so no two words spell alike.
func (n *Namer) plural(w string) (string, bool) {
	if len(w) < 3 || w[len(w)-1] != 's' {
		return "", false
	}
	up := strings.ToUpper(w[:len(w)-1])
	if strings.HasSuffix(up, "S") {
		return "", false
	}
	if _, ok := n.extra[up+"S"]; ok || initialisms[up+"S"] {
		return "", false
	}
	if sp, ok := n.extra[up]; ok {
		return sp + "s", true
	}
	if initialisms[up] {
		return up + "s", true
	}
	return "", false
}

// Unexported converts a spec name into an unexported identifier that is never
// a Go keyword or a predeclared name.
func Unexported(s string) string {
	e := Exported(s)
	ws := Words(e)
	var out string
	if len(ws) > 0 && initialisms[strings.ToUpper(ws[0])] {
		out = strings.ToLower(ws[0]) + e[len(ws[0]):]
	} else {
		rs := []rune(e)
		out = string(unicode.ToLower(rs[0])) + string(rs[1:])
	}
	if IsReserved(out) {
		out += "_"
	}
	return out
}

// predeclared lists Go's predeclared identifiers, which generated code must
// not shadow.
var predeclared = map[string]bool{
	"any": true, "append": true, "bool": true, "byte": true, "cap": true, "clear": true,
	"close": true, "comparable": true, "complex": true, "complex64": true, "complex128": true,
	"copy": true, "delete": true, "error": true, "false": true, "float32": true, "float64": true,
	"imag": true, "int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"iota": true, "len": true, "make": true, "max": true, "min": true, "new": true, "nil": true,
	"panic": true, "print": true, "println": true, "real": true, "recover": true, "rune": true,
	"string": true, "true": true, "uint": true, "uint8": true, "uint16": true, "uint32": true,
	"uint64": true, "uintptr": true,
}

// IsReserved reports whether s is a Go keyword or predeclared identifier.
func IsReserved(s string) bool {
	return token.IsKeyword(s) || predeclared[s]
}

// ValidPackage reports why s cannot be a Go package name, or "" when it can.
func ValidPackage(s string) string {
	if !token.IsIdentifier(s) {
		return "is not a Go identifier"
	}
	if IsReserved(s) {
		return "is a Go keyword or predeclared identifier"
	}
	if s == "_" || s == "main" {
		return "cannot be used for an importable package"
	}
	return ""
}
