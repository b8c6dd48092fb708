package golang

import (
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
)

// repOfGoType is the row representation a Go type must have: the runtime
// reads and writes a row's member as that representation.
func repOfGoType(t string) string {
	switch {
	case strings.HasPrefix(t, "*"):
		return "repPointer"
	case strings.HasPrefix(t, "[]"), strings.HasPrefix(t, "Map["), t == "json.RawMessage":
		return "repSlice"
	case t == "string", t == "St":
		return "repString"
	case t == "int64":
		return "repInt"
	case t == "float64":
		return "repFloat"
	case t == "bool":
		return "repBool"
	}
	return "?" + t
}

// TestArgPlanMatchesGoTypes: for every field shape, a row's op and
// representation agree with the Go types the emitter gives the argument
// and the struct member, so buildArgs reads and writes each as what it is.
// A change of the Go types (an integer as int32, say) fails here rather
// than corrupting memory.
func TestArgPlanMatchesGoTypes(t *testing.T) {
	st := &model.StateSet{Name: "st", GoName: "St"}
	obj := &model.Type{Name: "obj", GoName: "Obj"}
	types := map[string]*model.TypeRef{
		"string": {Kind: model.KindString}, "integer": {Kind: model.KindInteger}, "number": {Kind: model.KindNumber},
		"boolean": {Kind: model.KindBoolean}, "state": {Kind: model.KindState, State: st}, "object": {Kind: model.KindObject, Object: obj},
		"list": {Kind: model.KindList, Elem: &model.TypeRef{Kind: model.KindString}}, "map": {Kind: model.KindMap, Elem: &model.TypeRef{Kind: model.KindInteger}},
		"any": {Kind: model.KindAny},
	}
	defaults := map[string][]*value.Value{
		"string": {{Kind: value.String, Str: "a"}}, "integer": {{Kind: value.Int, Num: "7"}}, "number": {{Kind: value.Number, Num: "1.5"}},
		"boolean": {{Kind: value.Bool, Bool: true}}, "state": {{Kind: value.String, Str: "a"}},
		"list":   {{Kind: value.List}, {Kind: value.List, Items: []*value.Value{{Kind: value.String, Str: "x"}}}},
		"map":    {{Kind: value.Object}},
		"object": {{Kind: value.Object}}, "any": {{Kind: value.List}},
	}
	rows := 0
	for name, typ := range types {
		for bits := range 16 {
			for _, def := range append([]*value.Value{nil}, defaults[name]...) {
				fl := &model.Field{Name: "f", GoName: "F", Type: typ, Nullable: bits&1 != 0, Required: bits&2 != 0,
					Optional: bits&4 != 0, Trim: bits&8 != 0, Default: def}
				op, rep, defField, ok := argPlan(fl)
				if !ok {
					continue
				}
				rows++
				var w gw
				src, dst := w.argType(fl), w.fieldType(fl)
				where := name + " " + dst + " from " + src
				switch op {
				case "argCopy":
					if src != dst || rep != repOfGoType(dst) {
						t.Errorf("%s: argCopy as %s", where, rep)
					}
				case "argTrim":
					if src != "string" || dst != "string" || rep != "repString" {
						t.Errorf("%s: argTrim as %s", where, rep)
					}
				case "argOrEmpty":
					if src != dst || rep != "repSlice" || repOfGoType(dst) != "repSlice" || def != nil && (len(def.Items) > 0 || name == "any") {
						t.Errorf("%s: argOrEmpty as %s (default %v)", where, rep, def)
					}
				case "argOrDefault":
					if src != "*"+dst || rep != repOfGoType(dst) || def == nil || !strings.HasPrefix(defField, "def") {
						t.Errorf("%s: argOrDefault as %s with %q", where, rep, defField)
					}
				case "argCopyOf":
					if src != dst || src != "*"+w.goType(typ) || rep != repOfGoType(w.goType(typ)) {
						t.Errorf("%s: argCopyOf as %s", where, rep)
					}
				default:
					t.Errorf("%s: unknown op %s", where, op)
				}
			}
		}
	}
	if rows < 40 {
		t.Fatalf("only %d shapes have a row", rows)
	}
}
