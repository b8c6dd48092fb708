package pattern

import (
	"fmt"
	"net/netip"
	"strings"
	"time"
)

// StringFormat is one value of a field's format: what Go checks and what
// the schemas carry. Pattern, when set, is carried in the schema beside
// the format keyword, so that every validator applies the same rule
// whether or not it asserts formats; Check is what the Go code runs (the
// pattern plus what a pattern cannot say, such as days per month).
type StringFormat struct {
	Name string
	// Pattern is the RE2 and ECMA-262 pattern of the format; empty when the
	// format is checked only by the validators' own format assertion and
	// Go's Check (date-time, ipv6).
	Pattern string
	// MaxLength, when not zero, is carried as maxLength in the schema.
	MaxLength int
	// Noun names the format in error messages and docs.
	Noun string
	// Sample is a valid value, used in synthesized examples.
	Sample string
}

// Formats are the string formats a field may have, by name.
var Formats = map[string]*StringFormat{
	"date-time": {Name: "date-time", Noun: "date-time (RFC 3339)", Sample: "2026-01-01T00:00:00Z"},
	"date":      {Name: "date", Pattern: datePattern, Noun: "date (YYYY-MM-DD)", Sample: "2026-01-31"},
	"time":      {Name: "time", Pattern: timePattern, Noun: "time of day with an offset (RFC 3339 full-time)", Sample: "12:30:00Z"},
	"uuid":      {Name: "uuid", Pattern: UUIDPattern, Noun: "UUID", Sample: "00000000-0000-4000-8000-000000000000"},
	"email":     {Name: "email", Pattern: emailPattern, MaxLength: 254, Noun: "email address", Sample: "ops@example.com"},
	"hostname":  {Name: "hostname", Pattern: hostnamePattern, MaxLength: 253, Noun: "host name", Sample: "api.example.com"},
	"ipv4":      {Name: "ipv4", Pattern: ipv4Pattern, Noun: "IPv4 address (dotted decimal)", Sample: "192.0.2.1"},
	"ipv6":      {Name: "ipv6", Noun: "IPv6 address", Sample: "2001:db8::1"},
	"uri":       {Name: "uri", Pattern: uriPattern, Noun: "absolute URI", Sample: "https://example.com/"},
}

// FormatNames lists the formats in the order the docs name them.
var FormatNames = []string{"date-time", "date", "time", "uuid", "email", "hostname", "ipv4", "ipv6", "uri"}

const (
	datePattern  = `^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$`
	timePattern  = `^(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$`
	label        = `[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?`
	emailPattern = `^[A-Za-z0-9!#$%&'*+/=?^_{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_{|}~-]+)*@` + label + `(?:\.` + label + `)+$`
	// hostnamePattern: RFC 1123 labels of letters, digits and inner hyphens.
	hostnamePattern = `^` + label + `(?:\.` + label + `)*$`
	octet           = `(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])`
	ipv4Pattern     = `^` + octet + `(?:\.` + octet + `){3}$`
	// uriPattern: a scheme, then characters RFC 3986 allows in a URI, with
	// percent signs only in well-formed escapes.
	uriPattern = `^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9._~!$&'()*+,;=:@/?#\[\]-]|%[0-9A-Fa-f]{2})*$`
)

// CheckFormat reports whether s is a valid value of format name; unknown
// formats accept everything (validation refuses them in specs).
func CheckFormat(name, s string, matches func(pattern, s string) bool) bool {
	f := Formats[name]
	if f == nil {
		return true
	}
	if f.Pattern != "" && !matches(f.Pattern, s) {
		return false
	}
	if f.MaxLength > 0 && len(s) > f.MaxLength {
		return false
	}
	switch name {
	case "date":
		_, err := time.Parse("2006-01-02", s)
		return err == nil
	case "ipv6":
		return IsIPv6(s)
	}
	return true
}

// IsIPv6 reports whether s is an IPv6 address in text form, without a zone.
func IsIPv6(s string) bool {
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is6() && a.Zone() == "" && strings.Contains(s, ":")
}

// FormatSample returns the nth of a series of distinct valid values of
// format name, the first being its Sample; the items of a synthesized list
// whose items must be unique take one each. Unknown formats give "".
func FormatSample(name string, n int) string {
	f := Formats[name]
	if f == nil {
		return ""
	}
	if n == 0 {
		return f.Sample
	}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	switch name {
	case "date-time":
		return base.Add(time.Duration(n) * time.Second).Format(time.RFC3339)
	case "date":
		return base.AddDate(0, 0, 30+n).Format(time.DateOnly)
	case "time":
		return base.Add(12*time.Hour + 30*time.Minute + time.Duration(n)*time.Second).Format("15:04:05Z")
	case "uuid":
		return fmt.Sprintf("00000000-0000-4000-8000-%012x", n)
	case "email":
		return fmt.Sprintf("ops%d@example.com", n)
	case "hostname":
		return fmt.Sprintf("api%d.example.com", n)
	case "ipv4":
		return fmt.Sprintf("192.0.%d.%d", 2+n/254, 1+n%254)
	case "ipv6":
		return fmt.Sprintf("2001:db8::%x", 1+n)
	case "uri":
		return fmt.Sprintf("https://example.com/%d", n)
	}
	return f.Sample
}
