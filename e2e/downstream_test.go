package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The downstream module: another project that keeps its contract spec in
// contract.yaml and generates a Go package, schemas and docs from it with
// go generate, as docs/downstream.md tells it to.

const downstreamDoc = `// Package downstream is a project that consumes a contract.
package downstream

//go:generate go run github.com/contractgen/contractgen/cmd/gen -spec contract.yaml -go-out contract -package contract -schema-out schemas -docs-out docs
`

// genFlags are the flags of the go:generate line, for running the check.
var genFlags = []string{"-spec", "contract.yaml", "-go-out", "contract", "-package", "contract",
	"-schema-out", "schemas", "-docs-out", "docs"}

// downstreamTest uses the generated package the way a client would.
const downstreamTest = `package downstream_test

import (
	"encoding/json"
	"errors"
	"testing"

	"example.com/downstream/contract"
)

func newRequest(t *testing.T) *contract.EvaluateFlagRequest {
	t.Helper()
	req, err := contract.BuildEvaluateFlagRequest(contract.EvaluateFlagRequestArgs{
		ProjectID:  "  storefront ",
		ClientName: "flags-go/1.8.0",
		FlagKey:    "new-checkout",
		Context:    contract.Map[json.RawMessage]{{Key: "country", Value: json.RawMessage(` + "`" + `"DE"` + "`" + `)}},
	})
	if err != nil {
		t.Fatalf("BuildEvaluateFlagRequest: %v", err)
	}
	return req
}

func TestBuildRequest(t *testing.T) {
	req := newRequest(t)
	if req.Operation != "evaluate_flag" || req.SchemaVersion != "flags.request.v1" {
		t.Errorf("envelope constants: %q %q", req.Operation, req.SchemaVersion)
	}
	if req.ProjectID != "storefront" {
		t.Errorf("project_id is trimmed: got %q", req.ProjectID)
	}
	if req.Environment != contract.EnvironmentProduction {
		t.Errorf("environment defaults to production: got %q", req.Environment)
	}
	if len(req.TraceID) != 32 {
		t.Errorf("trace_id is drawn as 32 hex digits: got %q", req.TraceID)
	}
	data, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	back, err := contract.DecodeEvaluateFlagRequest(data)
	if err != nil {
		t.Fatalf("DecodeEvaluateFlagRequest(%s): %v", data, err)
	}
	again, _ := json.Marshal(back)
	if string(again) != string(data) {
		t.Errorf("round trip changed the request:\n%s\n%s", data, again)
	}
}

func TestDecodeResponse(t *testing.T) {
	req := newRequest(t)
	variant := "on"
	resp, err := contract.BuildEvaluateFlagResponse(req, contract.EvaluateFlagResponseArgs{
		Summary: contract.EvaluationSummary{FlagKey: "new-checkout", Variant: &variant,
			Value: json.RawMessage("true"), Reason: contract.EvaluationReasonTargetingMatch,
			EvaluatedAt: "2026-05-04T08:30:00Z"},
	})
	if err != nil {
		t.Fatalf("BuildEvaluateFlagResponse: %v", err)
	}
	data, err := json.Marshal(resp)
	if err != nil {
		t.Fatal(err)
	}
	got, err := contract.DecodeEvaluateFlagResponse(data)
	if err != nil {
		t.Fatalf("DecodeEvaluateFlagResponse(%s): %v", data, err)
	}
	if got.TraceID != req.TraceID || got.ProjectID != "storefront" || got.Status != contract.ResultStatusOK {
		t.Errorf("correlation and status: %+v", got)
	}
	if got.Payload.Summary.Reason != contract.EvaluationReasonTargetingMatch || *got.Payload.Summary.Variant != "on" {
		t.Errorf("summary: %+v", got.Payload.Summary)
	}

	// A response of another operation is not an evaluate_flag response.
	if _, err := contract.BuildListFlagsResponse(req, contract.ListFlagsResponseArgs{}); !errors.Is(err, contract.ErrMismatchedOperation) {
		t.Errorf("list_flags response to an evaluate_flag request: got %v", err)
	}
	// Strict decoding: unknown members are rejected.
	bad := []byte(` + "`" + `{"schema_version":"flags.response.v1","operation":"evaluate_flag","status":"ok","message":"Flag evaluated.","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","project_id":"storefront","payload":{"summary":{"flag_key":"new-checkout","variant":"on","value":true,"reason":"targeting_match","rule_index":0,"evaluated_at":"2026-05-04T08:30:00Z","stale":false},"environment":"production"},"extra":1}` + "`" + `)
	if _, err := contract.DecodeEvaluateFlagResponse(bad); !errors.Is(err, contract.ErrUnknownField) {
		t.Errorf("unknown member: got %v", err)
	}
}

func TestForbiddenKeyRejected(t *testing.T) {
	// A response whose free-form value smuggles a credential.
	doc := []byte(` + "`" + `{"schema_version":"flags.response.v1","operation":"evaluate_flag","status":"ok","message":"Flag evaluated.","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","project_id":"storefront","payload":{"summary":{"flag_key":"new-checkout","variant":"on","value":{"password":"hunter2"},"reason":"targeting_match","rule_index":0,"evaluated_at":"2026-05-04T08:30:00Z","stale":false},"environment":"production"}}` + "`" + `)
	_, err := contract.DecodeEvaluateFlagResponse(doc)
	if !errors.Is(err, contract.ErrForbiddenKey) {
		t.Fatalf("DecodeEvaluateFlagResponse: got %v, want ErrForbiddenKey", err)
	}
	var es contract.Errors
	if !errors.As(err, &es) || len(es) == 0 || es[0].Path != "payload.summary.value.password" {
		t.Errorf("violation path: %#v", es)
	}

	// The builder refuses to produce a request carrying one.
	bad, err := contract.BuildEvaluateFlagRequest(contract.EvaluateFlagRequestArgs{
		ProjectID: "storefront", ClientName: "flags-go/1.8.0", FlagKey: "new-checkout",
		Context: contract.Map[json.RawMessage]{{Key: "ssn", Value: json.RawMessage(` + "`" + `"078-05-1120"` + "`" + `)}},
	})
	if !errors.Is(err, contract.ErrForbiddenKey) || bad != nil {
		t.Errorf("BuildEvaluateFlagRequest with an ssn attribute: got %v and %v, want nil and ErrForbiddenKey", bad, err)
	}

	// And so does the stand-alone scan.
	err = contract.CheckForbidden("payload", []byte(` + "`" + `{"user":{"session_cookie":"x"}}` + "`" + `))
	if !errors.Is(err, contract.ErrForbiddenKey) || !errors.As(err, &es) || es[0].Path != "payload.user.session_cookie" {
		t.Errorf("CheckForbidden: got %v", err)
	}
	if err := contract.CheckForbidden("payload", []byte(` + "`" + `{"user":{"plan":"pro"}}` + "`" + `)); err != nil {
		t.Errorf("CheckForbidden of a clean document: %v", err)
	}
}
`

// killSwitchTest only compiles once the kill_switch value is generated.
const killSwitchTest = `package downstream_test

import (
	"testing"

	"example.com/downstream/contract"
)

func TestKillSwitch(t *testing.T) {
	if !contract.FlagKindKillSwitch.Valid() {
		t.Fatal("kill_switch is a valid flag kind")
	}
}
`

func TestDownstreamModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a separate module with the go command")
	}
	goCmd := goTool(t)
	root := repoRoot(t)
	dir := t.TempDir()

	// go.mod requires the generator and points it at this checkout; go.sum
	// is this repository's, so its dependencies resolve from the module
	// cache without new checksums.
	goLine := regexp.MustCompile(`(?m)^go (\S+)$`).FindStringSubmatch(readFile(t, filepath.Join(root, "go.mod")))
	require.NotNil(t, goLine, "go directive in go.mod")
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/downstream\n\ngo "+goLine[1]+
		"\n\nrequire github.com/contractgen/contractgen v0.0.0\n\nreplace github.com/contractgen/contractgen => "+strconv.Quote(root)+"\n")
	copyFile(t, filepath.Join(root, "go.sum"), filepath.Join(dir, "go.sum"))
	copyFile(t, featureFlagsSpec(t), filepath.Join(dir, "contract.yaml"))
	writeFile(t, filepath.Join(dir, "doc.go"), downstreamDoc)
	writeFile(t, filepath.Join(dir, "downstream_test.go"), downstreamTest)

	env := goEnv()
	goRun := func(args ...string) result {
		t.Helper()
		start := time.Now()
		r := run(t, dir, env, 3*time.Minute, goCmd, args...)
		t.Logf("go %s: exit %d in %s", strings.Join(args, " "), r.code, time.Since(start).Round(time.Millisecond))
		return r
	}
	mustGo := func(args ...string) result {
		t.Helper()
		r := goRun(args...)
		require.Equal(t, 0, r.code, "go %s\n%s", strings.Join(args, " "), r)
		return r
	}
	checkArgs := append([]string{"run", "github.com/contractgen/contractgen/cmd/gen"}, append(genFlags, "-check")...)

	// Before go generate, -check reports every file as missing.
	r := goRun(checkArgs...)
	require.Equal(t, 1, r.code, "%s", r)
	_, missing, _ := checkNames(r.stdout)
	assert.Contains(t, missing, filepath.Join("contract", "types.go"))

	// outputs snapshots what gen owns; go.mod and go.sum may change under
	// -mod=mod and are not gen's business.
	outputs := func() map[string]string {
		out := files(snapshot(t, dir))
		for p := range out {
			if !strings.HasPrefix(p, "contract/") && !strings.HasPrefix(p, "schemas/") && !strings.HasPrefix(p, "docs/") {
				delete(out, p)
			}
		}
		return out
	}
	r = mustGo("generate", "./...")
	tree := outputs()
	var goFiles []string
	for p, data := range tree {
		if strings.HasPrefix(p, "contract/") {
			goFiles = append(goFiles, p)
			assert.True(t, strings.HasPrefix(data, "// Code generated by contractgen. DO NOT EDIT.\n"), "%s starts with the marker", p)
			assert.Contains(t, r.stdout, "wrote "+filepath.FromSlash(p)+"\n")
		}
	}
	require.NotEmpty(t, goFiles, "go generate wrote the Go package\n%s", r)
	assert.Contains(t, tree["contract/types.go"], "\npackage contract\n", "-package names the package")

	mustGo("build", "./...")
	mustGo("vet", "./...")
	r = mustGo("test", "-count=1", "-v", "./...")
	for _, name := range []string{"TestBuildRequest", "TestDecodeResponse", "TestForbiddenKeyRejected"} {
		assert.Contains(t, r.stdout, "--- PASS: "+name+" ", "downstream test ran")
	}

	// Committed output is up to date: -check is silent and succeeds.
	r = goRun(checkArgs...)
	require.Equal(t, 0, r.code, "%s", r)
	assert.Empty(t, r.stdout)

	// The spec changes; the committed output is now stale and -check fails
	// with a diff naming each file that regeneration will change.
	addKillSwitch(t, filepath.Join(dir, "contract.yaml"))
	r = goRun(checkArgs...)
	require.Equal(t, 1, r.code, "%s", r)
	assert.Contains(t, r.stderr, "out of date with the spec")
	assert.Regexp(t, `(?m)^\+.*FlagKindKillSwitch FlagKind = "kill_switch"$`, r.stdout, "the diff shows the new constant")
	stale, missing, orphaned := checkNames(r.stdout)
	assert.Contains(t, stale, filepath.Join("contract", "contract.go"))
	named := map[string]bool{}
	for _, p := range append(append(stale, missing...), orphaned...) {
		named[filepath.ToSlash(p)] = true
	}
	require.Equal(t, tree, outputs(), "-check writes nothing")

	// Regenerating changes exactly the files -check named, and then the
	// check passes again.
	mustGo("generate", "./...")
	changed := changedFiles(tree, outputs())
	require.NotEmpty(t, changed)
	for _, p := range changed {
		assert.True(t, named[p], "-check did not name %s, which regeneration changed\n%s", p, r.stdout)
		delete(named, p)
	}
	assert.Empty(t, named, "-check named files that regeneration left alone")
	r = goRun(checkArgs...)
	assert.Equal(t, 0, r.code, "%s", r)
	assert.Empty(t, r.stdout)

	// The regenerated package serves the new value to downstream code.
	writeFile(t, filepath.Join(dir, "kill_switch_test.go"), killSwitchTest)
	mustGo("vet", "./...")
	r = mustGo("test", "-count=1", "-v", "./...")
	assert.Contains(t, r.stdout, "--- PASS: TestKillSwitch ")
}

func readFile(t testing.TB, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	return string(b)
}
