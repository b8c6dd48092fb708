package contracttest_test

import (
	"os/exec"
	"reflect"
	"regexp"
	"strings"
	"testing"

	contract "github.com/contractgen/contractgen/generated/go"
)

// heapMove is the compiler's report (go build -gcflags=-m) of a local
// variable it moves to the heap.
var heapMove = regexp.MustCompile(`^(?:.*/)?([a-z_0-9]+\.go):\d+:\d+: moved to heap: (\w+)$`)

// allowedOnHeap are the generated locals that belong on the heap: v, the
// value a pointer field is given (ptrTo), and rp, the root path Decode
// hands to the shared decoder through an interface.
var allowedOnHeap = map[string]bool{"v": true, "rp": true}

// TestMemberPathsStayOnTheStack keeps the decoders' and validators'
// member paths, seen flags and member readers off the heap: a pointer
// stored in the wrong place makes the compiler move every path of a
// nested document to the heap, one allocation per object, which no
// benchmark of a flat document shows. The compiler's own escape report of
// the generated package is the evidence.
func TestMemberPathsStayOnTheStack(t *testing.T) {
	pkg := reflect.TypeOf(contract.Errors{}).PkgPath()
	out, err := exec.Command("go", "build", "-o", "/dev/null", "-gcflags="+pkg+"=-m", pkg).CombinedOutput()
	if err != nil {
		t.Fatalf("go build -gcflags=-m: %v\n%s", err, out)
	}
	moves := 0
	for _, line := range strings.Split(string(out), "\n") {
		m := heapMove.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		moves++
		file, name := m[1], m[2]
		generated := strings.HasPrefix(file, "decode") || strings.HasPrefix(file, "validate") || strings.HasPrefix(file, "types")
		if (generated && !allowedOnHeap[name]) || file == "runtime_object.go" {
			t.Errorf("%s: %s moved to heap", file, name)
		}
	}
	if moves == 0 {
		t.Fatalf("no escape report in the compiler's output:\n%s", out)
	}
}
