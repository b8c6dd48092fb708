// Package breaking compares two models of a contract and reports what
// changed, each change under a rule with an ID, a category, a severity and
// the direction it matters in: what narrows what a request accepts breaks
// the clients that send it; what widens what a response may carry breaks
// the clients that read it strictly. Rules are data (this table); the
// comparison in compare.go decides which one a change falls under. It reads
// models only, never emitters.
package breaking

import "sort"

// Categories of rules.
const (
	// Wire rules are about the JSON documents a side accepts or produces.
	Wire = "WIRE"
	// Go rules are about source compatibility of the generated Go package.
	Go = "GO"
)

// Severities, as in the diagnostics.
const (
	Error = "error" // existing clients or servers stop working
	Warn  = "warn"  // they may stop working
	Info  = "info"  // nothing that worked stops working
)

// Rule is one kind of change.
type Rule struct {
	ID       string
	Category string
	Severity string
	Summary  string
}

// rules is every rule; each has a fixture folder under testdata/<ID>.
var rules = []Rule{
	{"OPERATION_REMOVED", Wire, Error, "an operation is removed: requests for it are refused"},
	{"OPERATION_RENAMED", Wire, Error, "an operation is renamed: requests under the old name are refused"},
	{"OPERATION_ADDED", Wire, Info, "an operation is added"},
	{"OPERATION_RESPONSE_CHANGED", Wire, Error, "an operation answers with another response (own or shared)"},
	{"ERROR_RESPONSE_ADDED", Wire, Error, "an operation gains an error response that readers do not know"},
	{"ERROR_RESPONSE_REMOVED", Wire, Info, "an operation's error response is removed"},
	{"RESPONSE_STATUS_CHANGED", Wire, Error, "the status a response fixes changes"},
	{"RESPONSE_MESSAGE_CHANGED", Wire, Error, "the message text a response fixes changes"},

	{"REQUEST_FIELD_REMOVED", Wire, Error, "a request member is removed: senders that send it are refused"},
	{"RESPONSE_FIELD_REMOVED", Wire, Error, "a required response member is removed: readers that require it refuse the response"},
	{"RESPONSE_OPTIONAL_FIELD_REMOVED", Wire, Info, "a response member readers may go without is removed"},
	{"FIELD_RENAMED", Wire, Error, "a member's JSON name changes"},
	{"REQUEST_FIELD_ADDED_REQUIRED", Wire, Error, "a request gains a required member without a default: senders that omit it are refused"},
	{"REQUEST_FIELD_ADDED_OPTIONAL", Wire, Info, "a request gains a member senders may omit"},
	{"RESPONSE_FIELD_ADDED", Wire, Error, "a response gains a member: strict readers refuse unknown members"},
	{"RESPONSE_FIELD_ADDED_TO_OPEN_TYPE", Wire, Info, "an open response type gains a member readers skip"},
	{"FIELD_TYPE_CHANGED", Wire, Error, "a member's type changes"},
	{"REQUEST_FIELD_MADE_REQUIRED", Wire, Error, "a request member becomes required without a default"},
	{"REQUEST_FIELD_MADE_OPTIONAL", Wire, Info, "a request member may now be omitted"},
	{"RESPONSE_FIELD_MADE_OPTIONAL", Wire, Error, "a response member may now be absent: readers that require it refuse the response"},
	{"RESPONSE_FIELD_MADE_REQUIRED", Wire, Info, "a response member is now always present"},
	{"FIELD_DEFAULT_CHANGED", Wire, Warn, "a member's default changes: documents that omit it mean something else"},
	{"REQUEST_FIELD_NULLABLE_REMOVED", Wire, Error, "a request member no longer accepts null"},
	{"REQUEST_FIELD_NULLABLE_ADDED", Wire, Info, "a request member now accepts null"},
	{"RESPONSE_FIELD_NULLABLE_ADDED", Wire, Error, "a response member may now be null"},
	{"RESPONSE_FIELD_NULLABLE_REMOVED", Wire, Info, "a response member is no longer null"},
	{"FIELD_CONST_CHANGED", Wire, Error, "a member's fixed value changes"},
	{"REQUEST_FIELD_CONST_ADDED", Wire, Error, "a request member is fixed to one value"},
	{"RESPONSE_FIELD_CONST_REMOVED", Wire, Error, "a response member is no longer fixed to one value"},
	{"FIELD_SOURCE_CHANGED", Wire, Error, "where an envelope member's value comes from changes"},
	{"FIELD_TRIM_CHANGED", Wire, Warn, "whether a member's surrounding whitespace is trimmed changes"},

	{"REQUEST_STATE_VALUE_REMOVED", Wire, Error, "a state value requests may carry is removed"},
	{"REQUEST_STATE_VALUE_ADDED", Wire, Info, "requests may carry a new state value"},
	{"RESPONSE_STATE_VALUE_ADDED", Wire, Error, "responses may carry a state value readers do not know"},
	{"RESPONSE_STATE_VALUE_REMOVED", Wire, Info, "a state value responses carried is removed"},
	{"REQUEST_STRING_NARROWED_TO_ENUM", Wire, Error, "a request string member becomes a state set"},
	{"RESPONSE_ENUM_WIDENED_TO_STRING", Wire, Error, "a response state member becomes any string"},

	{"REQUEST_BOUND_TIGHTENED", Wire, Error, "a request number's bounds narrow"},
	{"RESPONSE_BOUND_LOOSENED", Wire, Error, "a response number's bounds widen"},
	{"REQUEST_LENGTH_TIGHTENED", Wire, Error, "a request string's length limits narrow"},
	{"RESPONSE_LENGTH_LOOSENED", Wire, Error, "a response string's length limits widen"},
	{"REQUEST_ITEMS_TIGHTENED", Wire, Error, "a request list's or map's item limits narrow"},
	{"RESPONSE_ITEMS_LOOSENED", Wire, Error, "a response list's or map's item limits widen"},
	{"REQUEST_PATTERN_ADDED", Wire, Error, "a request string gains a pattern"},
	{"RESPONSE_PATTERN_REMOVED", Wire, Error, "a response string loses its pattern"},
	{"PATTERN_CHANGED", Wire, Warn, "a string's pattern changes: values may be refused"},
	{"REQUEST_FORMAT_ADDED", Wire, Error, "a request string gains a format"},
	{"RESPONSE_FORMAT_REMOVED", Wire, Error, "a response string loses its format"},
	{"FORMAT_CHANGED", Wire, Error, "a string's format changes"},
	{"REQUEST_NON_EMPTY_ADDED", Wire, Error, "a request string may no longer be empty"},
	{"RESPONSE_NON_EMPTY_REMOVED", Wire, Error, "a response string may now be empty"},
	{"REQUEST_UNIQUE_ITEMS_ADDED", Wire, Error, "a request list may no longer repeat items"},
	{"RESPONSE_UNIQUE_ITEMS_REMOVED", Wire, Error, "a response list may now repeat items"},
	{"REQUEST_KEY_PATTERN_ADDED", Wire, Error, "a request map's keys gain a pattern"},
	{"RESPONSE_KEY_PATTERN_REMOVED", Wire, Error, "a response map's keys lose their pattern"},
	{"KEY_PATTERN_CHANGED", Wire, Warn, "a map's key pattern changes: keys may be refused"},
	{"REQUEST_CONSTRAINT_RELAXED", Wire, Info, "a request accepts more than before"},
	{"RESPONSE_CONSTRAINT_TIGHTENED", Wire, Info, "a response carries less than before"},

	{"REQUEST_UNION_VARIANT_REMOVED", Wire, Error, "a union in requests loses a variant"},
	{"REQUEST_UNION_VARIANT_ADDED", Wire, Info, "a union in requests gains a variant"},
	{"RESPONSE_UNION_VARIANT_ADDED", Wire, Error, "a union in responses gains a variant readers do not know"},
	{"RESPONSE_UNION_VARIANT_REMOVED", Wire, Info, "a union in responses loses a variant"},
	{"UNION_VARIANT_TYPE_CHANGED", Wire, Error, "a discriminator value selects another type"},
	{"UNION_DISCRIMINATOR_CHANGED", Wire, Error, "a union's discriminator member changes"},
	{"REQUEST_TYPE_CLOSED", Wire, Error, "an open type in requests is closed: unknown members are refused"},
	{"RESPONSE_TYPE_OPENED", Wire, Error, "a response type is opened: its producers may send members strict readers refuse"},

	{"REQUEST_FORBIDDEN_WIDENED", Wire, Error, "forbidden material on requests widens: requests that passed are refused"},
	{"RESPONSE_FORBIDDEN_NARROWED", Wire, Error, "forbidden material on responses narrows: readers refuse what producers may now send"},
	{"FORBIDDEN_RELAXED", Wire, Info, "forbidden material narrows on requests or widens on responses"},
	{"FORBIDDEN_MESSAGE_CHANGED", Wire, Info, "a forbidden-material rule's message changes"},
	{"VERSION_CHANGED", Wire, Error, "a version string changes"},
	{"SCHEMA_BASE_URI_CHANGED", Wire, Warn, "the schemas' $id base changes: published schema URLs move"},
	{"DESCRIPTION_CHANGED", Wire, Info, "a description changes"},
	{"EXAMPLE_CHANGED", Wire, Info, "examples change"},

	{"GO_PACKAGE_CHANGED", Go, Error, "the generated Go package's name changes"},
	{"GO_TYPE_REMOVED", Go, Error, "a named type, state set or error response is removed: its Go type is gone"},
	{"GO_TYPE_RENAMED", Go, Error, "a Go type's name changes"},
	{"GO_TYPE_ADDED", Go, Info, "a named type is added"},
	{"GO_FIELD_RENAMED", Go, Error, "a Go struct field's name changes while its JSON name stays"},
	{"GO_FIELD_TYPE_CHANGED", Go, Error, "a Go struct field's type changes (a pointer added or removed, another type)"},
	{"GO_FIELD_REMOVED", Go, Error, "a member is removed or renamed: its Go struct field is gone, whatever the wire says"},
	{"GO_CONST_RENAMED", Go, Error, "a state value's Go constant is renamed"},
	{"GO_CONST_REMOVED", Go, Error, "a state value or version is removed (or a version's Go name changes): its Go constant is gone, whatever the wire says"},
	{"GO_FUNC_REMOVED", Go, Error, "a named list is removed (or its Go name changes): its Go function is gone"},
	{"GO_VARIANT_RENAMED", Go, Error, "a union variant's Go field is renamed"},
	{"GO_VARIANT_REMOVED", Go, Error, "a union variant is removed: its Go field is gone, whatever the wire says"},
	{"GO_OPERATION_RENAMED", Go, Error, "an operation's Go names (builders, decoders, types) change while its wire name stays"},
}

// Rules returns every rule sorted by ID.
func Rules() []Rule {
	out := append([]Rule(nil), rules...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Lookup returns the rule with the given ID.
func Lookup(id string) (Rule, bool) {
	for _, r := range rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}
