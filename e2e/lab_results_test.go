package e2e

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// labBehaviour is the test run inside the module generated from
// testdata/specs/lab_results, the spec that uses every construct of the
// spec language: each check below is one construct as docs/spec-language.md
// describes it.
const labBehaviour = `package labresults

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

func order(t *testing.T, mutate func(*SubmitOrderRequestArgs)) (*SubmitOrderRequest, error) {
	t.Helper()
	patient, err := BuildPatient(PatientArgs{MRN: "MRN0012345", Name: " Ada Lovelace ", BornOn: "1815-12-10"})
	if err != nil {
		t.Fatal(err)
	}
	args := SubmitOrderRequestArgs{
		SiteID:  "  site-7 ",
		Patient: *patient,
		Specimen: SpecimenTypeBlood, CollectedAt: "2026-06-02T08:30:00Z",
		DeliverTo: DeliveryEndpoint{URL: "https://ehr.example/results", Host: "ehr.example"},
	}
	if mutate != nil {
		mutate(&args)
	}
	return BuildSubmitOrderRequest(args)
}

func firstError(t *testing.T, err error) *ValidationError {
	t.Helper()
	var es Errors
	if !errors.As(err, &es) || len(es) == 0 {
		t.Fatalf("want validation errors, got %v", err)
	}
	return es[0]
}

func TestDefaultsGeneratedValuesAndTrim(t *testing.T) {
	req, err := order(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := req.Payload
	if req.SiteID != "site-7" || p.Patient.Name != "Ada Lovelace" {
		t.Fatalf("trim: %q %q", req.SiteID, p.Patient.Name)
	}
	if len(p.Panels) != 1 || p.Panels[0] != "CBC" || p.Priority != PriorityRoutine {
		t.Fatalf("defaults: %v %v", p.Panels, p.Priority)
	}
	if !regexp.MustCompile("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$").MatchString(req.RequestID) {
		t.Fatalf("request_id %q is not a UUID v4", req.RequestID)
	}
	if _, err := time.Parse(time.RFC3339, req.SentAt); err != nil {
		t.Fatalf("sent_at %q: %v", req.SentAt, err)
	}
	if !regexp.MustCompile("^lab-[0-9a-f]{16}$").MatchString(req.Trace) {
		t.Fatalf("trace %q", req.Trace)
	}
	if p.FastingHours != nil || p.EHRSystemURL != nil {
		t.Fatal("optional members are nil when not given")
	}
	data, _ := json.Marshal(req)
	if strings.Contains(string(data), "fasting_hours") {
		t.Fatalf("an absent optional member is left out: %s", data)
	}
	back, err := DecodeSubmitOrderRequest(data)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := json.Marshal(back)
	if string(again) != string(data) {
		t.Fatalf("round trip changed the document:\n%s\n%s", data, again)
	}
}

func TestConstraints(t *testing.T) {
	for _, c := range []struct {
		name   string
		mutate func(*SubmitOrderRequestArgs)
		path   string
		kind   error
		msg    string
	}{
		{"unique panels", func(a *SubmitOrderRequestArgs) { a.Panels = []string{"CBC", "BMP", "CBC"} }, "payload.panels", ErrRepeatedItem, "panels must not hold the same item twice"},
		{"empty panels", func(a *SubmitOrderRequestArgs) { a.Panels = []string{} }, "payload.panels", ErrTooFewItems, "panels must name at least one panel"},
		{"key pattern", func(a *SubmitOrderRequestArgs) { a.Labels = Map[string]{{Key: "Ward", Value: "4"}} }, "payload.labels.Ward", ErrPattern, "every key of labels must match the pattern ^[a-z][a-z0-9_]*$"},
		{"date that does not exist", func(a *SubmitOrderRequestArgs) { a.Patient.BornOn = "2026-02-30" }, "payload.patient.born_on", ErrFormat, "born_on must be a valid date (YYYY-MM-DD)"},
		{"email", func(a *SubmitOrderRequestArgs) { e := "ada@localhost"; a.Patient.Email = &e }, "payload.patient.email", ErrFormat, "email must be a valid email address"},
		{"uri", func(a *SubmitOrderRequestArgs) { a.DeliverTo.URL = "ehr.example/results" }, "payload.deliver_to.url", ErrFormat, "url must be a valid absolute URI"},
		{"hostname", func(a *SubmitOrderRequestArgs) { a.DeliverTo.Host = "ehr_example" }, "payload.deliver_to.host", ErrFormat, "host must be a valid host name"},
		{"ipv6 zone", func(a *SubmitOrderRequestArgs) { v := "fe80::1%eth0"; a.DeliverTo.IPv6 = &v }, "payload.deliver_to.ipv6", ErrFormat, "ipv6 must be a valid IPv6 address"},
		{"time needs an offset", func(a *SubmitOrderRequestArgs) { v := "08:00:00"; a.DeliverTo.WindowOpens = &v }, "payload.deliver_to.window_opens", ErrFormat, ""},
		{"bounds of an optional member", func(a *SubmitOrderRequestArgs) { h := int64(73); a.FastingHours = &h }, "payload.fasting_hours", ErrOutOfRange, ""},
		{"message of the envelope", func(a *SubmitOrderRequestArgs) { a.SiteID = "   " }, "site_id", ErrEmpty, "site_id must name the submitting site"},
		{"forbidden value", func(a *SubmitOrderRequestArgs) { a.Notes = ptr("ssn 123-45-6789") }, "payload.notes", ErrForbiddenValue, "a US social security number is not allowed: payload.notes"},
		{"forbidden key in a map", func(a *SubmitOrderRequestArgs) { a.Labels = Map[string]{{Key: "api_key", Value: "x"}} }, "payload.labels.api_key", ErrForbiddenKey, "credential or identifier field is not allowed: payload.labels.api_key"},
		{"a second key rule with its own message", func(a *SubmitOrderRequestArgs) { a.Labels = Map[string]{{Key: "diagnosis", Value: "x"}} }, "payload.labels.diagnosis", ErrForbiddenKey, "diagnoses do not belong in labels: payload.labels.diagnosis"},
		{"a value rule on the whole request", func(a *SubmitOrderRequestArgs) { a.SiteID = "Bearer abcdefgh12345" }, "site_id", ErrForbiddenValue, "a bearer credential is not allowed in a request: site_id"},
	} {
		_, err := order(t, c.mutate)
		if !errors.Is(err, c.kind) {
			t.Fatalf("%s: want %v, got %v", c.name, c.kind, err)
		}
		e := firstError(t, err)
		if e.Path != c.path || (c.msg != "" && e.Message != c.msg) {
			t.Fatalf("%s: got %s: %s", c.name, e.Path, e.Message)
		}
	}
}

func TestConstIsFixedAndRequired(t *testing.T) {
	req, err := order(t, nil)
	if err != nil || !req.Payload.ConsentGiven {
		t.Fatalf("a builder sets the const: %v", err)
	}
	data, _ := json.Marshal(req)
	_, err = DecodeSubmitOrderRequest([]byte(strings.Replace(string(data), ` + "`" + `"consent_given":true` + "`" + `, ` + "`" + `"consent_given":false` + "`" + `, 1)))
	if e := firstError(t, err); e.Path != "payload.consent_given" || e.Message != "consent_given must be true; the laboratory needs the patient's consent" {
		t.Fatalf("const with its own message: %v", err)
	}
	_, err = DecodeSubmitOrderRequest([]byte(strings.Replace(string(data), ` + "`" + `,"consent_given":true` + "`" + `, "", 1)))
	if !errors.Is(err, ErrRequired) {
		t.Fatalf("required: true makes the const member required: %v", err)
	}
}

func TestSensitiveMembersAreRedacted(t *testing.T) {
	req, err := order(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{fmt.Sprint(req.Payload.Patient), fmt.Sprintf("%+v", req), req.String()} {
		if strings.Contains(s, "Lovelace") || !strings.Contains(s, "[REDACTED]") {
			t.Fatalf("printed without redaction: %s", s)
		}
	}
	data, _ := json.Marshal(req.Payload.Patient)
	if !strings.Contains(string(data), "Ada Lovelace") {
		t.Fatalf("JSON keeps the member: %s", data)
	}
}

func TestOpenTypeAndUnion(t *testing.T) {
	p, err := DecodePatient([]byte(` + "`" + `{"mrn":"MRN0012345","name":"Ada","born_on":"1815-12-10","ward":"4B"}` + "`" + `))
	if err != nil || p.MRN != "MRN0012345" {
		t.Fatalf("an open type skips members it does not model: %v", err)
	}
	if _, err := DecodePatient([]byte(` + "`" + `{"MRN":"MRN0012345","name":"Ada","born_on":"1815-12-10"}` + "`" + `)); !errors.Is(err, ErrCaseVariantKey) {
		t.Fatalf("a case variant of a modelled member is refused: %v", err)
	}
	r, err := DecodeResult([]byte(` + "`" + `{"kind":"numeric","loinc_code":"718-7","value":13.5,"unit":"g/dL","reference_range":null}` + "`" + `))
	if err != nil || r.Which() != "numeric" || r.Numeric.Flag != AbnormalFlagN {
		t.Fatalf("numeric result: %v %v", r, err)
	}
	r, err = DecodeResult([]byte(` + "`" + `{"kind":"comment","loinc_code":"8251-1","text":"ok"}` + "`" + `))
	if err != nil || r.Which() != "comment" || r.Comment.Text != "ok" {
		t.Fatalf("two values may select one type: %v %v", r, err)
	}
	_, err = DecodeResult([]byte(` + "`" + `{"kind":"image","loinc_code":"1-1"}` + "`" + `))
	if e := firstError(t, err); e.Path != "result.kind" || e.Message != "kind must be one of: comment, numeric, text" {
		t.Fatalf("unknown kind: %v", err)
	}
	_, err = DecodeResult([]byte(` + "`" + `{"kind":"numeric","loinc_code":"718-7","value":13.5,"unit":"g/dL","reference_range":null,"flag":">>"}` + "`" + `))
	if e := firstError(t, err); e.Path != "result.flag" {
		t.Fatalf("the variant's own rules apply, paths under type_root: %v", err)
	}
	bad := Result{Text: &TextResult{Kind: "comment", LOINCCode: "1-1", Text: "x"}}
	if e := firstError(t, bad.Validate()); e.Path != "result.kind" {
		t.Fatalf("the discriminator must match the variant set (paths under type_root): %v", bad.Validate())
	}
	if AbnormalFlagBelowRange != "<" || AbnormalFlagAboveRange != ">" {
		t.Fatal("go_name of state values")
	}
}

func TestResponses(t *testing.T) {
	req, err := order(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := BuildSubmitOrderResponse(req, SubmitOrderResponseArgs{Accession: "ACC-00004217", TurnaroundHours: 24})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Payload.SiteID != "site-7" || resp.Payload.Policy != "Results are released to the ordering site only." || resp.Outcome != OutcomeAccepted {
		t.Fatalf("sourced, const and default members: %+v", resp.Payload)
	}
	if _, err := BuildSubmitOrderResponse(req, SubmitOrderResponseArgs{Accession: "ACC-00004217"}); !errors.Is(err, ErrOutOfRange) {
		t.Fatalf("exclusive_minimum 0 refuses 0: %v", err)
	}
	cancel, err := BuildCancelOrderRequest(CancelOrderRequestArgs{SiteID: "site-7", Accession: "ACC-00004217"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := BuildSubmitOrderResponse(cancel, SubmitOrderResponseArgs{Accession: "ACC-00004217", TurnaroundHours: 1}); !errors.Is(err, ErrMismatchedOperation) || !strings.Contains(err.Error(), "submit order response requires a submit_order request") {
		t.Fatalf("mismatch message: %v", err)
	}
	if _, err := BuildSubmitOrderResponse(req, SubmitOrderResponseArgs{Accession: "ACC-00004217", TurnaroundHours: 2}); err != nil {
		t.Fatal(err)
	}
	if err := CheckForbidden("payload", []byte(` + "`" + `{"note":"Bearer abcdefgh12345"}` + "`" + `)); !errors.Is(err, ErrForbiddenValue) {
		t.Fatalf("CheckForbidden applies every rule: %v", err)
	}
	u, err := BuildUnsupportedResponse(cancel, UnsupportedResponseArgs{})
	if err != nil || u.Outcome != OutcomeUnsupported || u.Payload.Contact != "support@lab.example" || u.Operation != "cancel_order" {
		t.Fatalf("shared response: %+v %v", u, err)
	}
	data, _ := json.Marshal(u)
	if _, err := DecodeCancelOrderResponse(data); err != nil {
		t.Fatal(err)
	}
	if _, err := DecodeSubmitOrderResponse(data); err == nil {
		t.Fatal("a shared response is not submit_order's own response")
	}
	refused, err := BuildSubmitOrderRefusedResponse(req, SubmitOrderRefusedResponseArgs{Reasons: []string{"no BMP on swabs"}})
	if err != nil || refused.Outcome != OutcomeRejected || refused.Message != "The order was refused." {
		t.Fatalf("error response: %+v %v", refused, err)
	}
	if _, err := BuildSubmitOrderRefusedResponse(cancel, SubmitOrderRefusedResponseArgs{Reasons: []string{"x"}}); !errors.Is(err, ErrMismatchedOperation) {
		t.Fatalf("an error response answers its own operation only: %v", err)
	}
	data, _ = json.Marshal(refused)
	a, err := DecodeSubmitOrderAnswer(data)
	if err != nil || a.Refused == nil || a.Response != nil {
		t.Fatalf("the status selects the error: %+v %v", a, err)
	}
	data, _ = json.Marshal(resp)
	a, err = DecodeSubmitOrderAnswer(data)
	if err != nil || a.Response == nil || a.Refused != nil {
		t.Fatalf("other statuses are the response: %+v %v", a, err)
	}
	if _, err := DecodeSubmitOrderRefusedResponse(data); err == nil {
		t.Fatal("the response is not the error")
	}
	var doc map[string]any
	if err := json.Unmarshal(DescribeContract(), &doc); err != nil || doc["laboratory"] != "Example Clinical Laboratory" {
		t.Fatalf("describe: %v %v", doc, err)
	}
}
`

// TestLabResults generates the lab results package, which uses every
// construct of the spec language, and runs labBehaviour in it.
func TestLabResults(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	copyFile(t, filepath.Join(root, "testdata", "specs", "lab_results", "spec.yaml"), filepath.Join(dir, "spec.yaml"))
	r := gen(t, dir, nil, "-spec", "spec.yaml", "-go-out", "mod", "-schema-out", "schemas", "-docs-out", "docs")
	require.Equal(t, 0, r.code, "%s", r)
	writeFile(t, filepath.Join(dir, "mod", "go.mod"), "module example.com/labresults\n\ngo 1.26\n")
	writeFile(t, filepath.Join(dir, "mod", "behaviour_test.go"), labBehaviour)
	res := run(t, filepath.Join(dir, "mod"), goEnv(), 3*time.Minute, goTool(t), "vet", "./...")
	require.Equal(t, 0, res.code, "%s", res)
	res = run(t, filepath.Join(dir, "mod"), goEnv(), 3*time.Minute, goTool(t), "test", "./...")
	require.Equal(t, 0, res.code, "%s", res)
}
