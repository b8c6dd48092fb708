package rt

import (
	"reflect"
	"testing"
	"unsafe"
)

// buildCase is a struct a builder fills, with a member of each shape.
type buildCase struct {
	Name   string
	Count  int64
	Ratio  float64
	On     bool
	State  string
	Note   *string
	Tags   []string
	Labels Map[string]
	Raw    []byte
	Nested *buildCase
	Plain  int64
	Blank  string
	Opt    *float64
	OptOn  *bool
	OptN   *int64
	ValueN *string
}

// buildCaseArgs are its arguments: pointers where absence means default.
type buildCaseArgs struct {
	Name   string
	Count  *int64
	Ratio  *float64
	On     *bool
	State  *string
	Note   *string
	Tags   []string
	Labels Map[string]
	Raw    []byte
	Nested *buildCase
	Plain  int64
	Blank  string
	Opt    *float64
	OptOn  *bool
	OptN   *int64
	ValueN *string
}

func offA(f string) uintptr {
	sf, _ := reflect.TypeFor[buildCaseArgs]().FieldByName(f)
	return sf.Offset
}

func pointTo[T any](v T) *T { return &v }

func offB(f string) uintptr {
	sf, _ := reflect.TypeFor[buildCase]().FieldByName(f)
	return sf.Offset
}

// buildCaseRows copy every member of buildCaseArgs by each op.
var buildCaseRows = []argRow{
	{src: offA("Name"), dst: offB("Name"), op: argTrim, rep: repString},
	{src: offA("Count"), dst: offB("Count"), op: argOrDefault, rep: repInt, defInt: 50},
	{src: offA("Ratio"), dst: offB("Ratio"), op: argOrDefault, rep: repFloat, defFloat: 1.5},
	{src: offA("On"), dst: offB("On"), op: argOrDefault, rep: repBool, defBool: true},
	{src: offA("State"), dst: offB("State"), op: argOrDefault, rep: repString, defString: "pending"},
	{src: offA("Note"), dst: offB("Note"), op: argCopyOf, rep: repString},
	{src: offA("Tags"), dst: offB("Tags"), op: argOrEmpty, rep: repSlice},
	{src: offA("Labels"), dst: offB("Labels"), op: argOrEmpty, rep: repSlice},
	{src: offA("Raw"), dst: offB("Raw"), op: argCopy, rep: repSlice},
	{src: offA("Nested"), dst: offB("Nested"), op: argCopy, rep: repPointer},
	{src: offA("Plain"), dst: offB("Plain"), op: argCopy, rep: repInt},
	{src: offA("Blank"), dst: offB("Blank"), op: argCopy, rep: repString},
	{src: offA("Opt"), dst: offB("Opt"), op: argCopyOf, rep: repFloat},
	{src: offA("OptOn"), dst: offB("OptOn"), op: argCopyOf, rep: repBool},
	{src: offA("OptN"), dst: offB("OptN"), op: argCopyOf, rep: repInt},
	{src: offA("ValueN"), dst: offB("ValueN"), op: argCopyOf, rep: repString},
}

// TestBuildArgsAbsent: absent arguments take their defaults, nil lists
// and maps become empty, and nil pointers stay nil.
func TestBuildArgsAbsent(t *testing.T) {
	var got buildCase
	args := buildCaseArgs{Name: "  ab \t"}
	buildArgs(unsafe.Pointer(&got), unsafe.Pointer(&args), buildCaseRows)
	want := buildCase{Name: "ab", Count: 50, Ratio: 1.5, On: true, State: "pending", Tags: []string{}, Labels: Map[string]{}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	if got.Tags == nil || got.Labels == nil || got.Raw != nil {
		t.Fatalf("nil lists must become empty, a nil raw value stays nil: %#v %#v %#v", got.Tags, got.Labels, got.Raw)
	}
}

// TestBuildArgsGiven: given arguments are copied, pointers to scalars
// into memory of their own, so the built value shares none of them.
func TestBuildArgsGiven(t *testing.T) {
	nested := &buildCase{Name: "in"}
	args := buildCaseArgs{
		Name: "x", Count: pointTo(int64(-7)), Ratio: pointTo(0.0), On: pointTo(false), State: pointTo("done"),
		Note: pointTo("n"), Tags: []string{"a"}, Labels: Map[string]{{"k", "v"}}, Raw: []byte(`{}`),
		Nested: nested, Plain: 9, Blank: " keep ", Opt: pointTo(2.25), OptOn: pointTo(true), OptN: pointTo(int64(1 << 40)), ValueN: pointTo(""),
	}
	var got buildCase
	buildArgs(unsafe.Pointer(&got), unsafe.Pointer(&args), buildCaseRows)
	want := buildCase{
		Name: "x", Count: -7, Ratio: 0, On: false, State: "done",
		Note: pointTo("n"), Tags: []string{"a"}, Labels: Map[string]{{"k", "v"}}, Raw: []byte(`{}`),
		Nested: nested, Plain: 9, Blank: " keep ", Opt: pointTo(2.25), OptOn: pointTo(true), OptN: pointTo(int64(1 << 40)), ValueN: pointTo(""),
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	if got.Note == args.Note || got.Opt == args.Opt || got.OptOn == args.OptOn || got.OptN == args.OptN || got.ValueN == args.ValueN {
		t.Fatal("a copied pointer is shared with the arguments")
	}
	if got.Nested != nested {
		t.Fatal("a pointer copied as is changed")
	}
}
