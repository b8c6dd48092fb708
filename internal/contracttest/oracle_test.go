package contracttest_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	contract "github.com/contractgen/contractgen/generated/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oracleCase is one case recorded by running the reference implementation.
type oracleCase struct {
	ID     string          `json:"id"`
	Call   string          `json:"call"`
	Args   json.RawMessage `json:"args"`
	Expect struct {
		OK    json.RawMessage `json:"ok"`
		Error *struct {
			Message string `json:"message"`
			Stage   string `json:"stage"`
		} `json:"error"`
	} `json:"expect"`
}

// pathCorrections lists where the reference reports a plainly wrong path and
// the generated code gives the true one (see docs/differences.md).
var pathCorrections = map[string]string{
	"sensitive field is not allowed in public SaaS contract payload: payload.api_token": "sensitive field is not allowed in public SaaS contract payload: payload.contacts.api_token",
}

func loadCases(t *testing.T) []oracleCase {
	t.Helper()
	data, err := os.ReadFile("../../testdata/oracle/public-cases.json")
	require.NoError(t, err)
	var file struct {
		Cases []oracleCase `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(data, &file))
	require.NotEmpty(t, file.Cases)
	return file.Cases
}

func TestOracleCases(t *testing.T) {
	for _, c := range loadCases(t) {
		t.Run(c.ID, func(t *testing.T) {
			fn, ok := calls[c.Call]
			require.True(t, ok, "no port of call %s", c.Call)
			got, err := fn(t, c.Args)
			if c.Expect.Error != nil {
				require.Error(t, err)
				want := c.Expect.Error.Message
				if fixed, ok := pathCorrections[want]; ok {
					want = fixed
				}
				assert.Equal(t, want, firstMessage(t, err))
				return
			}
			require.NoError(t, err)
			if string(c.Expect.OK) == "null" {
				assert.Nil(t, got)
				return
			}
			var want bytes.Buffer
			require.NoError(t, json.Compact(&want, c.Expect.OK))
			gotJSON, err := json.Marshal(got)
			require.NoError(t, err)
			assert.JSONEq(t, want.String(), string(gotJSON))
			assert.Equal(t, want.String(), string(gotJSON), "same keys in the same order")
		})
	}
}

// firstMessage is the message the reference would raise: the first violation.
func firstMessage(t *testing.T, err error) string {
	var es contract.Errors
	require.ErrorAs(t, err, &es)
	require.NotEmpty(t, es)
	return es[0].Message
}

type callFn func(t *testing.T, args json.RawMessage) (any, error)

// withCorrelation replaces the drawn correlation id, as the oracle does.
type withCorrelation struct {
	CorrelationID *string `json:"correlation_id"`
}

// request ports a build_*_request call: args fill the builder's argument
// struct by their JSON names; correlation_id is set after building.
func request[A any, R any](build func(A) (*R, error), setCorr func(*R, string)) callFn {
	return func(t *testing.T, raw json.RawMessage) (any, error) {
		var args A
		require.NoError(t, json.Unmarshal(raw, &args))
		var corr withCorrelation
		require.NoError(t, json.Unmarshal(raw, &corr))
		r, err := build(args)
		if err != nil {
			return nil, err
		}
		if corr.CorrelationID != nil {
			setCorr(r, *corr.CorrelationID)
		}
		return r, nil
	}
}

// nested builds the request a response case answers.
func nested(t *testing.T, raw json.RawMessage) contract.AnyRequest {
	var spec struct {
		Request struct {
			Call string          `json:"call"`
			Args json.RawMessage `json:"args"`
		} `json:"request"`
		CorrelationID string `json:"correlation_id"`
	}
	require.NoError(t, json.Unmarshal(raw, &spec))
	r, err := calls[spec.Request.Call](t, spec.Request.Args)
	require.NoError(t, err)
	req := r.(contract.AnyRequest)
	setRequestCorrelation(req, spec.CorrelationID)
	return req
}

// summaryArgs extracts args.summary.fields and args.status.
func summaryArgs(t *testing.T, raw json.RawMessage, fields any) *contract.ResponseStatus {
	var spec struct {
		Summary struct {
			Fields json.RawMessage `json:"fields"`
		} `json:"summary"`
		Status *contract.ResponseStatus `json:"status"`
	}
	require.NoError(t, json.Unmarshal(raw, &spec))
	require.NoError(t, json.Unmarshal(spec.Summary.Fields, fields))
	return spec.Status
}

// summary ports '<SummaryClass>.to_dict'.
func summary[A any, R any](build func(A) (*R, error)) callFn {
	return func(t *testing.T, raw json.RawMessage) (any, error) {
		var args A
		require.NoError(t, json.Unmarshal(raw, &args))
		return build(args)
	}
}

func TestPathCorrectionIsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/differences.md")
	require.NoError(t, err)
	for ref, ours := range pathCorrections {
		assert.True(t, strings.Contains(string(doc), ref[strings.LastIndex(ref, " ")+1:]), "reference path of %q documented", ref)
		assert.True(t, strings.Contains(string(doc), ours[strings.LastIndex(ours, " ")+1:]), "our path of %q documented", ours)
	}
}
