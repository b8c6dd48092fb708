package rt

import (
	"fmt"
	"strings"
	"testing"
)

// wideNames are the members of a type wide enough to be indexed.
var wideNames = func() []string {
	n := make([]string, indexedTestWidth)
	for i := range n {
		n[i] = fmt.Sprintf("f%02d", i)
	}
	return n
}()

const indexedTestWidth = 20

// readAll decodes doc as an object of table t whose members are all
// strings, as a generated decode method does, and returns the values read.
func readAll(t *memberTable, doc string, opts ...DecodeOption) ([]*string, error) {
	d := newDecoder([]byte(doc), opts)
	got := make([]*string, len(t.names))
	seen := make([]bool, len(t.names))
	root := keyPath(nil, "payload")
	o := readMembers(&root, seen)
	kp := keyPath(&root, "")
	var err error
	for o.next(d, t, &kp, &err) {
		var s string
		s, err = d.String(&kp)
		got[o.i] = &s
	}
	if err = o.end(t, &kp, err); err != nil {
		return got, err
	}
	return got, d.finish()
}

func TestMemberReader(t *testing.T) {
	small := &memberTable{
		names:    []string{"id", "note", "label"},
		required: []requiredField{{0, ""}, {2, "label is a must"}},
		nullable: []bool{1: true},
		typeText: []string{2: "label must be text"},
	}
	wideTable := indexed(memberTable{names: wideNames, required: []requiredField{{19, ""}}})
	wide := &wideTable
	open := &memberTable{names: []string{"id"}, open: true}
	cases := []struct {
		name  string
		table *memberTable
		doc   string
		opts  []DecodeOption
		err   string // "" when the document decodes
		want  map[int]string
	}{
		{"in order", small, `{"id":"a","note":"n","label":"l"}`, nil, "", map[int]string{0: "a", 1: "n", 2: "l"}},
		{"out of order", small, `{"label":"l","id":"a"}`, nil, "", map[int]string{0: "a", 2: "l"}},
		{"null leaves a nullable member unset", small, `{"id":"a","note":null,"label":"l"}`, nil, "", map[int]string{0: "a", 2: "l"}},
		{"null past the nullable column", small, `{"id":"a","label":null}`, nil, "payload.label: label must be text", nil},
		{"null where not nullable", small, `{"id":null,"label":"l"}`, nil, "payload.id: must be a string, got null", nil},
		{"duplicate", small, `{"id":"a","id":"b","label":"l"}`, nil, `payload.id: duplicate key "id"`, nil},
		{"duplicate after null", small, `{"id":"a","note":null,"note":"x","label":"l"}`, nil, `payload.note: duplicate key "note"`, nil},
		{"unknown", small, `{"id":"a","zz":1,"label":"l"}`, nil, `payload.zz: unknown field "zz"`, nil},
		{"unknown allowed", small, `{"id":"a","zz":{"q":[1]},"label":"l"}`, []DecodeOption{AllowUnknownFields()}, "", map[int]string{0: "a", 2: "l"}},
		{"case variant", small, `{"ID":"a","label":"l"}`, []DecodeOption{AllowUnknownFields()}, `payload.ID: key "ID" differs from field "id" only in case`, nil},
		{"missing with default text", small, `{"label":"l"}`, nil, "payload.id: id is required", nil},
		{"missing with spec text", small, `{"id":"a"}`, nil, "payload.label: label is a must", nil},
		{"type error with spec text", small, `{"id":"a","label":3}`, nil, "payload.label: label must be text", nil},
		{"type error with default text", small, `{"id":3,"label":"l"}`, nil, "payload.id: must be a string, got a number", nil},
		{"not an object", small, `["id"]`, nil, "payload: must be an object, got an array", nil},
		{"syntax", small, `{"id":"a" "label":"l"}`, nil, "invalid JSON", nil},
		{"empty", open, `{}`, nil, "", map[int]string{}},
		{"no fields", &memberTable{}, ` { } `, nil, "", map[int]string{}},
		{"no fields, a member", &memberTable{}, `{"a":"x"}`, nil, `payload.a: unknown field "a"`, nil},
		{"open skips unknown", open, `{"x":[1,{"y":2}],"id":"a"}`, nil, "", map[int]string{0: "a"}},
		{"open rejects case variant", open, `{"Id":"a"}`, nil, `payload.Id: key "Id" differs from field "id" only in case`, nil},
		{"wide, reversed", wide, wideDoc(true), nil, "", wideWant()},
		{"wide, in order", wide, wideDoc(false), nil, "", wideWant()},
		{"wide, unknown", wide, `{"f19":"x","f20":"y"}`, nil, `payload.f20: unknown field "f20"`, nil},
		{"wide, duplicate", wide, `{"f07":"x","f19":"y","f07":"z"}`, nil, `payload.f07: duplicate key "f07"`, nil},
		{"wide, missing", wide, `{"f00":"x"}`, nil, "payload.f19: f19 is required", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := readAll(c.table, c.doc, c.opts...)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one containing %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			for i, v := range got {
				want, ok := c.want[i]
				if (v != nil) != ok || (ok && *v != want) {
					t.Errorf("member %d = %v, want %q (set %v)", i, v, want, ok)
				}
			}
		})
	}
}

// wideDoc lists every member of the wide type, last first when reversed.
func wideDoc(reversed bool) string {
	parts := make([]string, len(wideNames))
	for i, n := range wideNames {
		j := i
		if reversed {
			j = len(wideNames) - 1 - i
		}
		parts[j] = fmt.Sprintf("%q:%q", n, "v"+n)
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func wideWant() map[int]string {
	w := map[int]string{}
	for i, n := range wideNames {
		w[i] = "v" + n
	}
	return w
}
