package conformance

import (
	"strings"
)

// patternSample holds values that match a spec pattern and values that
// nearly do, and fills a matching value to a given length for the length
// checks of the same field.
type patternSample struct {
	good, bad []string
	fill      func(n int) string
}

func rep(s string, n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(s, n)
}

// patternSamples is keyed by the spec's pattern text. A pattern the corpus
// meets without an entry here stops generation.
var patternSamples = map[string]patternSample{
	// library_loans ISBN-13
	`^97[89][0-9]{10}$`: {
		good: []string{"9780000000001", "9791234567890"},
		bad:  []string{"9770000000001", "978000000000", "97800000000012", "9780000000001\n"},
	},
	// fleet_telemetry device identifiers
	`^dev-[0-9a-f]{12}$`: {
		good: []string{"dev-0a1b2c3d4e5f", "dev-ffffffffffff"},
		bad:  []string{"dev-0a1b2c3d4e5", "dev-0A1B2C3D4E5F", "DEV-0a1b2c3d4e5f", "dev-0a1b2c3d4e5f\n"},
	},
	// fleet_telemetry serial numbers
	`^[A-Z]{2}[0-9]{6}$`: {
		good: []string{"DE123456", "US000001"},
		bad:  []string{"de123456", "DE12345", "D1234567", "DE123456\n"},
	},
	// fleet_telemetry firmware versions
	`^v[0-9]+\.[0-9]+\.[0-9]+$`: {
		good: []string{"v2.10.0", "v0.0.1"},
		bad:  []string{"2.10.0", "v2.10", "v2x10x0", "v2.10.0\n"},
	},
	// fleet_telemetry tag keys
	`^[a-z][a-z0-9_]*$`: {
		good: []string{"site", "berlin_2"},
		bad:  []string{"Site", "2nd", "a-b", "site\n"},
	},
	// fleet_telemetry sensor keys
	`^s[0-9]+$`: {
		good: []string{"s1", "s42"},
		bad:  []string{"s", "S1", "s1a", "s1\n"},
	},
	// fleet_telemetry block checksums
	`^[0-9a-f]{8}$`: {
		good: []string{"0a1b2c3d", "ffffffff", "12345678"},
		bad:  []string{"0a1b2c3", "0A1B2C3D", "0a1b2c3g", "0a1b2c3d\n"},
	},
	// lab_results Patient.mrn
	`^MRN[0-9]{6,10}$`: {
		good: []string{"MRN0012345", "MRN123456", "MRN1234567890"},
		bad:  []string{"MRN12345", "MRN12345678901", "mrn0012345", "MRN0012345\n"},
	},
	// lab_results LOINC codes
	`^[0-9]{1,7}-[0-9]$`: {
		good: []string{"718-7", "2345-7"},
		bad:  []string{"718", "718-77", "A18-7", "718-7\n"},
	},
	// lab_results accession numbers
	`^ACC-[0-9]{8}$`: {
		good: []string{"ACC-00004217"},
		bad:  []string{"ACC-0004217", "acc-00004217", "ACC-00004217\n"},
	},
	// github_webhooks Label.color
	`^[0-9A-Fa-f]{6}$`: {
		good: []string{"d73a4a", "FFFFFF"},
		bad:  []string{"#d73a4a", "d73a4", "d73a4g", "d73a4a\n"},
	},
	// github_webhooks commit and tree shas
	`^[0-9a-f]{40}$`: {
		good: []string{strings.Repeat("a", 40), "0123456789abcdef0123456789abcdef01234567"},
		bad:  []string{strings.Repeat("a", 39), strings.Repeat("A", 40), strings.Repeat("a", 40) + "\n", strings.Repeat("g", 40)},
	},
	// payments_webhooks WebhookEndpoint.api_version (optional, trimmed)
	`^20[0-9]{2}-[0-9]{2}-[0-9]{2}$`: {
		good: []string{"2026-11-01", " 2026-11-01 "},
		bad:  []string{"2026-11-1", "1999-01-01", "2026-11-01\n1", "v2026-11-01", "2026/11/01"},
	},
	// feature_flags Variant.key (1..32 characters)
	`^[a-z][a-z0-9_\-]*$`: {
		good: []string{"a", "layout_b-2"},
		bad:  []string{"Layout", "1a", "a b", "a\n", "a.b", "-a"},
		fill: func(n int) string { return "a" + rep("b", n-1) },
	},
	// feature_flags TargetingRule.attribute
	`^[a-z][a-z0-9_.]{0,63}$`: {
		good: []string{"user.plan", "a", "a" + rep("b", 63)},
		bad:  []string{"a" + rep("b", 64), "User.plan", "_a", "user-plan", "user.plan\n", "user plan"},
	},
	// feature_flags flag keys
	`^[a-z][a-z0-9\-]{2,63}$`: {
		good: []string{"abc", "new-checkout", "a" + rep("b", 63)},
		bad:  []string{"ab", "a" + rep("b", 64), "new_checkout", "New-checkout", "new-checkout\n", "9abc"},
	},
	// feature_flags project_id (at most 64 characters, trimmed, non-empty)
	`^[a-z0-9][a-z0-9\-]*$`: {
		good: []string{"storefront", "0", "a-b"},
		bad:  []string{"-store", "Store", " storefront", "storefront\n", "store front"},
		fill: func(n int) string { return rep("s", n) },
	},
	// payments_webhooks WebhookEndpoint.url (at most 2048 characters)
	`^https://[A-Za-z0-9.\-]+(:[0-9]{2,5})?(/[^ \t\n\r]*)?$`: {
		good: []string{"https://a.example", "https://hooks.example.org:8443/in", "https://x.example/p?q=1&r=%20#frag", "https://x.example/caf\u00e9"},
		bad: []string{"http://a.example", "https://a.example:1/x", "https://a.example:123456/x", "https://a.example/has space",
			"https://a.example/x\n", "HTTPS://a.example", "https://", "https://a_b.example"},
		fill: func(n int) string { return "https://a.example/" + rep("p", n-18) },
	},
	// payments_webhooks endpoint ids
	`^we_[0-9a-f]{16}$`: {
		good: []string{"we_0123456789abcdef"},
		bad:  []string{"we_0123456789abcde", "we_0123456789abcdef0", "we_0123456789ABCDEF", "we_0123456789abcdef\n", "WE_0123456789abcdef"},
	},
	// payments_webhooks merchant_id (trimmed, non-empty)
	`^acct_[A-Za-z0-9]{8,32}$`: {
		good: []string{"acct_12345678", "acct_" + rep("Ab3", 10) + "Zz", "acct_9f8e7d6c5b"},
		bad:  []string{"acct_1234567", "acct_" + rep("Ab3", 11), "acct_12345678\n", " acct_12345678", "acct_1234567_", "Acct_12345678"},
	},
	// payments_webhooks payment_id (exactly 18 characters)
	`^pay_[A-Za-z0-9]{14}$`: {
		good: []string{"pay_A1b2C3d4E5f6G7"},
		bad:  []string{"pay_A1b2C3d4E5f6G", "pay_A1b2C3d4E5f6G78", "pay_A1b2C3d4E5f6_7", "pay_A1b2C3d4E5f6G7\n"},
		fill: func(n int) string { return "pay_" + rep("A", n-4) },
	},
	// paint_shop codes (trimmed, 2 to 8 characters)
	`^[A-Z][A-Z0-9]*$`: {
		good: []string{"AB1", "ZZ"},
		bad:  []string{"ab1", "1AB", "AB-1", "AB1\n", " AB1"},
		fill: func(n int) string { return rep("A", n) },
	},
	// iot_provisioning certificate fingerprints
	`^[0-9a-f]{64}$`: {
		good: []string{strings.Repeat("0a", 32), strings.Repeat("f", 64)},
		bad:  []string{strings.Repeat("0a", 31), strings.Repeat("0A", 32), strings.Repeat("0a", 32) + "\n", strings.Repeat("0a", 32) + "0"},
	},
	// iot_provisioning label keys
	`^[a-z]+$`: {
		good: []string{"site", "a"},
		bad:  []string{"Site", "site2", "", "site\n", "si te"},
	},
	// freight_tracking RoadLeg.plate (trimmed)
	`^[A-Z0-9-]{2,10}$`: {
		good: []string{"AB-123", "TR", "0123456789", "--"},
		bad:  []string{"A", "AB-1234567X", "ab-123", "AB 123", "AB-123\n", "AB_123"},
	},
	// freight_tracking SeaLeg.vessel_imo
	`^IMO[0-9]{7}$`: {
		good: []string{"IMO1234567", "IMO0000000"},
		bad:  []string{"IMO123456", "IMO12345678", "imo1234567", "IMO1234567\n", "IM01234567"},
	},
	// freight_tracking container numbers (keys of SeaLeg.containers)
	`^[A-Z]{4}[0-9]{7}$`: {
		good: []string{"MSCU1234567", "ABCD0000000"},
		bad:  []string{"MSC1234567", "MSCU123456", "mscu1234567", "MSCU1234567\n", "MSCU12345678"},
	},
	// freight_tracking currency codes
	`^[A-Z]{3}$`: {
		good: []string{"EUR", "USD"},
		bad:  []string{"EU", "EURO", "eur", "EUR\n", "E1R"},
	},
	// freight_tracking tracking ids
	`^[0-9A-Z]{10}$`: {
		good: []string{"ABCDEFGHIJ", "0123456789"},
		bad:  []string{"ABCDEFGHI", "ABCDEFGHIJK", "abcdefghij", "ABCDEFGHIJ\n", "ABCDE-GHIJ"},
	},
	// ticket_booking CompanionTicket.of
	`^T-[0-9]{6}$`: {
		good: []string{"T-000123", "T-999999"},
		bad:  []string{"T-12345", "T-1234567", "t-000123", "T-000123\n", "T_000123"},
	},
	// ticket_booking pnr
	`^[A-Z0-9]{6}$`: {
		good: []string{"ABC123", "000000"},
		bad:  []string{"ABC12", "ABC1234", "abc123", "ABC123\n", "ABC-12"},
	},
	// ticket_booking pay_ref
	`^pm_[A-Za-z0-9]{6,}$`: {
		good: []string{"pm_abcdef", "pm_ABC123xyz789"},
		bad:  []string{"pm_abcde", "pm-abcdef", "PM_abcdef", "pm_abcdef\n", "pm_abc def"},
	},
	// energy_metering Reading "lat,lon"
	`^-?[0-9.]+,-?[0-9.]+$`: {
		good: []string{"51.5,-0.12", "-33.9,151.2"},
		bad:  []string{"51.5", "51.5;-0.12", "51.5, -0.12", "51.5,-0.12\n", "N51.5,W0.12"},
	},
	// energy_metering MPANs
	`^[0-9]{13}$`: {
		good: []string{"1234567890123", "0000000000000"},
		bad:  []string{"123456789012", "12345678901234", "123456789012a", "1234567890123\n", "١٢٣٤٥٦٧٨٩٠١٢٣"},
	},
}

// dateTime is one format date-time sample and its RFC 3339 verdict. Only
// strings every judge reads alike are here; README.md lists those left out.
type dateTime struct {
	s   string
	ok  bool
	why string
}

var dateTimes = []dateTime{
	{"2026-05-04T08:30:00Z", true, "RFC 3339 date-time in UTC"},
	{"2026-05-04T08:30:00", false, "a date-time needs a time zone"},
	{"2026-05-04T08:30:00.123456Z", true, "fractional seconds"},
	{"2026-05-04T10:30:00+02:00", true, "numeric offset"},
	{"2026-05-04T08:30:00-00:00", true, "unknown local offset"},
	{"2024-02-29T00:00:00Z", true, "29 February of a leap year"},
	{"2026-05-04t08:30:00z", true, "RFC 3339 allows lower-case t and z"},
	{"2026-05-04T08:30:00+23:59", true, "largest offset"},
	{"0001-01-01T00:00:00Z", true, "first day of year 1"},
	{"9999-12-31T23:59:59Z", true, "last second of year 9999"},
	{"2026-05-04T08:30:00.1234567890Z", true, "fractions may have any number of digits"},
	{"2026-05-04", false, "a date alone"},
	{"08:30:00Z", false, "a time alone"},
	{"2026-13-01T00:00:00Z", false, "month 13"},
	{"2026-02-29T00:00:00Z", false, "29 February of a common year"},
	{"2026-04-31T00:00:00Z", false, "31 April"},
	{"2026-05-04T24:00:00Z", false, "hour 24"},
	{"2026-05-04T23:60:00Z", false, "minute 60"},
	{"2026-05-04T08:30:60Z", false, "second 60 outside a leap second"},
	{"2026-05-04T08:30:00+24:00", false, "offset hour 24"},
	{"2026-05-04T08:30:00+02:60", false, "offset minute 60"},
	{"2026-05-04T08:30:00,5Z", false, "a comma is no decimal separator in RFC 3339"},
	{"2026-05-04T08:30:00.Z", false, "a fraction needs a digit"},
	{"2026-05-04T08:30Z", false, "seconds are required"},
	{"2026-05-04T08:30:00Z\n", false, "a trailing line feed"},
	{" 2026-05-04T08:30:00Z", false, "a leading space"},
	{"2026-5-04T08:30:00Z", false, "one-digit month"},
	{"2026-05-04T08:30:00UTC", false, "UTC is no RFC 3339 offset"},
	{"not a date", false, "not a date-time at all"},
	{"", false, "the empty string"},
}

type sample struct {
	s, why string
}

// whitespaceSamples are blank under Python's str.strip() rules.
var whitespaceSamples = []sample{
	{" ", "a space only"},
	{"\t\n", "tab and line feed"},
	{"\u3000", "ideographic space"},
	{"\u00a0", "no-break space"},
	{"\u0085", "next line (U+0085)"},
	{"\u001c\u001d\u001e\u001f", "information separators U+001C..U+001F are whitespace to Python"},
	{"\u2028\u2029", "line and paragraph separators"},
	{"\u1680", "ogham space mark"},
	{"\u202f \u205f", "narrow no-break and medium mathematical spaces"},
	{"\r\u000b\u000c", "carriage return, vertical tab, form feed"},
	{"\u2000\u200a", "en quad and hair space"},
}

// notBlankSamples hold a character outside that whitespace set.
var notBlankSamples = []sample{
	{" x ", "surrounding spaces are fine once something is left"},
	{"\u200b", "zero-width space is not whitespace"},
	{"\ufeff", "byte order mark is not whitespace"},
	{"\u180e", "Mongolian vowel separator is not whitespace (since Unicode 6.3)"},
	{"\u3000x", "ideographic space then a letter"},
}

// formatSamples are the values the formats beyond date-time and uuid are
// tried with, each with the verdict every judge gives it: the schemas
// carry the format's pattern, so an invalid sample fails the pattern
// whether or not a validator asserts formats; valid samples are ones every
// validator's own format check accepts too. The first is valid.
var formatSamples = map[string][]dateTime{
	"date": {
		{"2026-01-31", true, "a calendar date"},
		{"2024-02-29", true, "29 February of a leap year"},
		{"2026-02-29", false, "29 February of a common year"},
		{"2026-13-01", false, "month 13"},
		{"2026-1-31", false, "the month has two digits"},
		{"2026-01-31T00:00:00Z", false, "a date-time is not a date"},
	},
	"time": {
		{"12:30:00Z", true, "a time in UTC"},
		{"23:59:59.25+02:00", true, "fractional seconds and an offset"},
		{"12:30:00", false, "a time needs an offset"},
		{"24:00:00Z", false, "hour 24"},
		{"12:60:00Z", false, "minute 60"},
	},
	"email": {
		{"ops@example.com", true, "an address"},
		{"first.last+tag@mail.example.org", true, "dots and a plus in the local part"},
		{"ops@localhost", false, "the domain needs a dot"},
		{"ops.example.com", false, "no at sign"},
		{"ops@@example.com", false, "two at signs"},
		{"ops @example.com", false, "a space"},
	},
	"hostname": {
		{"api.example.com", true, "a host name"},
		{"localhost", true, "a single label"},
		{"-api.example.com", false, "a label cannot start with a hyphen"},
		{"api_v2.example.com", false, "no underscores"},
		{"api..example.com", false, "an empty label"},
	},
	"ipv4": {
		{"192.0.2.1", true, "dotted decimal"},
		{"255.255.255.255", true, "the broadcast address"},
		{"256.0.0.1", false, "an octet above 255"},
		{"192.0.2", false, "three octets"},
		{"192.0.2.01", false, "a leading zero"},
	},
	"ipv6": {
		{"2001:db8::1", true, "compressed form"},
		{"::1", true, "the loopback address"},
		{"2001:db8:::1", false, "three colons"},
		{"2001:db8::g", false, "not a hex digit"},
		{"192.0.2.1", false, "an IPv4 address"},
	},
	"uri": {
		{"https://example.com/", true, "an https URL"},
		{"urn:isbn:0451450523", true, "a URN"},
		{"/relative/path", false, "a relative reference has no scheme"},
		{"https://example.com/a b", false, "a space"},
		{"https://example.com/%zz", false, "a broken percent escape"},
	},
}

// formatOK is the verdict on s of a format tried with samples.
func formatOK(samples []dateTime, s string) bool {
	for _, fs := range samples {
		if fs.s == s {
			return fs.ok
		}
	}
	return true
}
