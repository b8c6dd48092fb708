// Package synth writes synthetic specs of N operations for benchmarks: each
// operation has a 10-field request and a 10-field response payload, a
// nested 4-field object type, an enum of its own and a shared one,
// patterns, string lengths, integer and number bounds, list bounds, a
// nullable timestamp and a string map. The text depends on N alone, so
// runs are comparable.
package synth

import (
	"fmt"
	"strings"
)

// Spec returns the YAML text of a spec with n operations.
func Spec(n int) []byte {
	var b strings.Builder
	b.WriteString(`contract:
  name: synthetic
  title: Synthetic contract
  description: A generated contract for benchmarks.
  package: synthetic
  schema_base_uri: https://schemas.example.com/synthetic/

states:
  priority:
    description: Shared priority.
    values:
      low: Low.
      normal: Normal.
      high: High.
`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `  op%[1]d_state:
    description: State of operation %[1]d.
    values:
      pending: Pending.
      running: Running.
      done: Done.
`, i)
	}
	b.WriteString(`
forbidden:
  keys:
    parts: [password, secret, token]
    message: "forbidden key: {path}"
    applies_to: payload
  values:
    message: "forbidden value: {path}"
    applies_to: payload
    patterns:
      github_token:
        pattern: '\bgh[pousr]_[A-Za-z0-9]{20,}\b'

types:
`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `  Item%[1]d:
    description: Nested item of operation %[1]d.
    fields:
      name: {type: string, min_length: 1, max_length: 64}
      count: {type: integer, minimum: 0, maximum: 1000}
      ratio: {type: number, minimum: 0, maximum: 1}
      state: {type: op%[1]d_state}
`, i)
	}
	b.WriteString("\noperations:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `  op%[1]d:
    description: Operation %[1]d.
    request_description: request %[1]d
    response_description: response %[1]d
    request:
      id: {type: string, pattern: '^[a-z][a-z0-9-]{2,31}$'}
      title: {type: string, min_length: 1, max_length: 200, trim: true}
      priority: {type: priority, default: normal}
      state: {type: op%[1]d_state, default: pending}
      limit: {type: integer, minimum: 1, maximum: 500, default: 50}
      weight: {type: number, minimum: 0, maximum: 100, default: 1}
      tags: {type: list<string>, min_items: 0, max_items: 20, default: []}
      labels: {type: map<string>, default: {}}
      due_at: {type: string, format: date-time, nullable: true}
      item: {type: Item%[1]d}
    response:
      payload:
        id: {type: string, pattern: '^[a-z][a-z0-9-]{2,31}$'}
        status: {type: op%[1]d_state}
        priority: {type: priority}
        total: {type: integer, minimum: 0}
        score: {type: number, minimum: 0, maximum: 1}
        items: {type: list<Item%[1]d>, max_items: 100}
        notes: {type: list<string>, max_items: 10}
        labels: {type: map<string>}
        finished_at: {type: string, format: date-time, nullable: true}
        message: {type: string, max_length: 500}
`, i)
	}
	return []byte(b.String())
}
