package pattern

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func re2(p, s string) bool { return regexp.MustCompile(p).MatchString(s) }

// TestFormatPatternsArePortable: every pattern a format carries into the
// schemas reads alike in RE2 and ECMA-262.
func TestFormatPatternsArePortable(t *testing.T) {
	for _, name := range FormatNames {
		f := Formats[name]
		require.NotNil(t, f, name)
		if f.Pattern != "" {
			_, err := PortablePattern(f.Pattern)
			assert.NoError(t, err, name)
		}
		assert.True(t, CheckFormat(name, f.Sample, re2) || name == "date-time", "%s: sample %q", name, f.Sample)
	}
	assert.Len(t, Formats, len(FormatNames))
}

func TestCheckFormat(t *testing.T) {
	for _, c := range []struct {
		format, s string
		ok        bool
	}{
		{"date", "2024-02-29", true}, {"date", "2023-02-29", false}, {"date", "2024-13-01", false}, {"date", "20240101", false},
		{"time", "23:59:59.5+02:00", true}, {"time", "12:00:00", false}, {"time", "24:00:00Z", false},
		{"email", "a.b+c@mail.example.org", true}, {"email", "a@b", false}, {"email", "a..b@example.org", false}, {"email", "é@example.org", false},
		{"hostname", "a-b.example", true}, {"hostname", "-a.example", false}, {"hostname", "a_b.example", false},
		{"ipv4", "10.0.0.255", true}, {"ipv4", "10.0.0.256", false}, {"ipv4", "01.2.3.4", false},
		{"ipv6", "::1", true}, {"ipv6", "fe80::1%eth0", false}, {"ipv6", "1.2.3.4", false}, {"ipv6", "::ffff:1.2.3.4", true},
		{"uri", "urn:isbn:0451450523", true}, {"uri", "https://x.example/a%20b?q=1#f", true}, {"uri", "/relative", false}, {"uri", "http://x/%zz", false}, {"uri", "http://x/a b", false},
	} {
		assert.Equal(t, c.ok, CheckFormat(c.format, c.s, re2), "%s %q", c.format, c.s)
	}
}

// TestFormatSamplesAreDistinctAndValid: the first 300 samples of every
// format are valid values of it and all differ; the first is Sample.
func TestFormatSamplesAreDistinctAndValid(t *testing.T) {
	for _, name := range FormatNames {
		seen := map[string]int{}
		for n := 0; n < 300; n++ {
			s := FormatSample(name, n)
			if !CheckFormat(name, s, re2) {
				t.Errorf("FormatSample(%s, %d) = %q is not valid", name, n, s)
			}
			if m, dup := seen[s]; dup {
				t.Errorf("FormatSample(%s, %d) = %q, as for %d", name, n, s, m)
			}
			seen[s] = n
		}
		if FormatSample(name, 0) != Formats[name].Sample {
			t.Errorf("FormatSample(%s, 0) is not the format's Sample", name)
		}
	}
}
