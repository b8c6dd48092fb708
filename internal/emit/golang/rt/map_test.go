package rt

import (
	"bytes"
	"log/slog"
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
