package rt

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"testing"
)

// secretHolder stands for a generated type with a sensitive member: its
// JSON carries the secret, its redacted JSON does not.
type secretHolder struct{ Secret string }

func (s secretHolder) MarshalJSON() ([]byte, error) {
	return []byte(`{"secret":"` + s.Secret + `"}`), nil
}

func (s *secretHolder) appendRedacted(b []byte) []byte {
	return append(b, `{"secret":"[REDACTED]"}`...)
}

// TestMapLogsRedacted: a Map logged on its own through log/slog, by either
// handler, redacts the values whose type redacts, in lists and maps within
// it too, and writes other values as their JSON.
func TestMapLogsRedacted(t *testing.T) {
	s := secretHolder{Secret: "hunter2"}
	values := []any{
		Map[secretHolder]{{"a", s}, {"b", s}},
		Map[*secretHolder]{{"a", &s}, {"nil", nil}},
		Map[[]secretHolder]{{"a", []secretHolder{s, s}}, {"none", nil}},
		Map[Map[secretHolder]]{{"outer", Map[secretHolder]{{"inner", s}}}},
		Map[any]{{"list", []secretHolder{s}}, {"ptr", &s}},
	}
	for _, v := range values {
		var buf bytes.Buffer
		for _, h := range []slog.Handler{slog.NewJSONHandler(&buf, nil), slog.NewTextHandler(&buf, nil)} {
			slog.New(h).Info("m", "v", v)
		}
		out := buf.String()
		if strings.Contains(out, "hunter2") || !strings.Contains(out, "[REDACTED]") {
			t.Errorf("%T logged as %s", v, out)
		}
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("m", "v", Map[any]{{"n", 1.5}, {"s", "x"}, {"l", []int{1, 2}}, {"z", nil}, {"c", make(chan int)}})
	// A value JSON cannot hold (a channel) logs as null, not as an error.
	if want := `"v":{"n":1.5,"s":"x","l":[1,2],"z":null,"c":null}`; !strings.Contains(buf.String(), want) {
		t.Errorf("plain values logged as %s, want %s", buf.String(), want)
	}
	var got bytes.Buffer
	slog.New(slog.NewJSONHandler(&got, nil)).Info("m", "v", Map[[]secretHolder]{{"a", []secretHolder{s}}, {"none", nil}})
	if want := `"v":{"a":[{"secret":"[REDACTED]"}],"none":null}`; !strings.Contains(got.String(), want) {
		t.Errorf("logged as %s, want %s", got.String(), want)
	}
}

// TestUniqueKeys: uniqueKeys reports the first repeated key of a small or
// large Map at its path, as a decoder words it, nothing for distinct keys
// (without allocating once its set is pooled) or for what a decoder read.
func TestUniqueKeys(t *testing.T) {
	mapOf := func(keys ...string) Map[int64] {
		m := Map[int64]{}
		for _, k := range keys {
			m = append(m, Entry[int64]{Key: k})
		}
		return m
	}
	var many []string
	for i := 0; i < 3*smallMap; i++ {
		many = append(many, "k"+strconv.Itoa(i))
	}
	p := keyPath(nil, "m")
	for _, c := range []struct {
		m    Map[int64]
		want string
	}{
		{mapOf(), ""},
		{mapOf("a"), ""},
		{mapOf("a", "b", "a", "b"), `m.a: duplicate key "a"`},
		{mapOf(many...), ""},
		{mapOf(append(many, "k7")...), `m.k7: duplicate key "k7"`},
	} {
		var es Errors
		uniqueKeys(&p, c.m, &es, 0)
		if got := fmt.Sprint(es.err()); c.want == "" && len(es) != 0 || c.want != "" && (got != c.want || !errors.Is(es[0], ErrDuplicateKey)) {
			t.Errorf("%d keys: %v, want %q", len(c.m), es, c.want)
		}
		es = nil
		if uniqueKeys(&p, c.m, &es, decoded); len(es) != 0 {
			t.Errorf("%d keys, decoded: %v", len(c.m), es)
		}
	}
	large := mapOf(many...)
	if n := testing.AllocsPerRun(100, func() {
		var es Errors
		uniqueKeys(&p, large, &es, 0)
	}); n != 0 {
		t.Errorf("%v allocations per call", n)
	}
}
