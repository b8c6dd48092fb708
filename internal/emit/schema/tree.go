package schema

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/invopop/jsonschema"
)

// schemaTree is the tree that parsing invopop's marshalled schema gives,
// built from the schema directly: members in the struct's field order,
// empty ones left out as omitempty leaves them, maps in key order, the
// properties in insertion order, the extras after the fields, and a schema
// with nothing set written as true. Marshalling the schemas of a large
// contract was most of what rendering them cost: encoding/json compacts
// again what every nested schema's MarshalJSON returns.
// TestSchemaTreeMatchesMarshal holds it to the marshalled form.
func schemaTree(s *jsonschema.Schema) (*jnode, error) {
	switch {
	case s == nil:
		return &jnode{literal: "null"}, nil
	case s == jsonschema.TrueSchema:
		return &jnode{literal: "true"}, nil
	case s == jsonschema.FalseSchema:
		return &jnode{literal: "false"}, nil
	case reflect.ValueOf(s).Elem().IsZero():
		// Nothing set: what invopop writes for an empty schema. The
		// struct holds no float, so this is DeepEqual with Schema{}
		// without its cost on every node.
		return &jnode{literal: "true"}, nil
	}
	t := &tree{n: &jnode{isObj: true}}
	t.str("$schema", s.Version)
	t.str("$id", string(s.ID))
	t.str("$anchor", s.Anchor)
	t.str("$ref", s.Ref)
	t.str("$dynamicRef", s.DynamicRef)
	t.schemaMap("$defs", s.Definitions)
	t.str("$comment", s.Comments)
	t.schemas("allOf", s.AllOf)
	t.schemas("anyOf", s.AnyOf)
	t.schemas("oneOf", s.OneOf)
	t.schema("not", s.Not)
	t.schema("if", s.If)
	t.schema("then", s.Then)
	t.schema("else", s.Else)
	t.schemaMap("dependentSchemas", s.DependentSchemas)
	t.schemas("prefixItems", s.PrefixItems)
	t.schema("items", s.Items)
	t.schema("contains", s.Contains)
	if s.Properties != nil {
		props := &jnode{isObj: true}
		for p := s.Properties.Oldest(); p != nil && t.err == nil; p = p.Next() {
			v, err := schemaTree(p.Value)
			t.keep(err)
			props.obj = append(props.obj, jmember{validText(p.Key), v})
		}
		t.add("properties", props)
	}
	t.schemaMap("patternProperties", s.PatternProperties)
	t.schema("additionalProperties", s.AdditionalProperties)
	t.schema("propertyNames", s.PropertyNames)
	t.str("type", s.Type)
	t.values("enum", s.Enum)
	if s.Const != nil {
		t.add("const", t.value(s.Const))
	}
	t.number("multipleOf", s.MultipleOf)
	t.number("maximum", s.Maximum)
	t.number("exclusiveMaximum", s.ExclusiveMaximum)
	t.number("minimum", s.Minimum)
	t.number("exclusiveMinimum", s.ExclusiveMinimum)
	t.count("maxLength", s.MaxLength)
	t.count("minLength", s.MinLength)
	t.str("pattern", s.Pattern)
	t.count("maxItems", s.MaxItems)
	t.count("minItems", s.MinItems)
	t.flag("uniqueItems", s.UniqueItems)
	t.count("maxContains", s.MaxContains)
	t.count("minContains", s.MinContains)
	t.count("maxProperties", s.MaxProperties)
	t.count("minProperties", s.MinProperties)
	if len(s.Required) > 0 {
		t.add("required", t.value(s.Required))
	}
	if len(s.DependentRequired) > 0 {
		t.add("dependentRequired", t.value(s.DependentRequired))
	}
	t.str("format", s.Format)
	t.str("contentEncoding", s.ContentEncoding)
	t.str("contentMediaType", s.ContentMediaType)
	t.schema("contentSchema", s.ContentSchema)
	t.str("title", s.Title)
	t.str("description", s.Description)
	if s.Default != nil {
		t.add("default", t.value(s.Default))
	}
	t.flag("deprecated", s.Deprecated)
	t.flag("readOnly", s.ReadOnly)
	t.flag("writeOnly", s.WriteOnly)
	t.values("examples", s.Examples)
	if len(s.Extras) > 0 {
		// After the fields, keys in order, even one a field also wrote.
		extras := t.value(s.Extras)
		if extras != nil {
			t.n.obj = append(t.n.obj, extras.obj...)
		}
	}
	return t.n, t.err
}

// tree gathers the members of one schema object and the first error.
type tree struct {
	n   *jnode
	err error
}

func (t *tree) keep(err error) {
	if t.err == nil {
		t.err = err
	}
}

func (t *tree) add(key string, v *jnode) { t.n.obj = append(t.n.obj, jmember{key, v}) }

func (t *tree) str(key, v string) {
	if v != "" {
		t.add(key, &jnode{str: validText(v), isStr: true})
	}
}

func (t *tree) flag(key string, v bool) {
	if v {
		t.add(key, &jnode{literal: "true"})
	}
}

func (t *tree) count(key string, v *uint64) {
	if v != nil {
		t.add(key, &jnode{literal: strconv.FormatUint(*v, 10)})
	}
}

func (t *tree) number(key string, v json.Number) {
	if v == "" {
		return
	}
	if !json.Valid([]byte(v)) || v[0] == '"' || v[0] == '{' || v[0] == '[' || v[0] == 't' || v[0] == 'f' || v[0] == 'n' {
		t.keep(fmt.Errorf("json: invalid number literal %q", string(v)))
		return
	}
	t.add(key, &jnode{literal: string(v)})
}

func (t *tree) schema(key string, s *jsonschema.Schema) {
	if s != nil {
		v, err := schemaTree(s)
		t.keep(err)
		t.add(key, v)
	}
}

func (t *tree) schemas(key string, list []*jsonschema.Schema) {
	if len(list) == 0 {
		return
	}
	arr := &jnode{isArr: true}
	for _, s := range list {
		v, err := schemaTree(s)
		t.keep(err)
		arr.arr = append(arr.arr, v)
	}
	t.add(key, arr)
}

func (t *tree) schemaMap(key string, m map[string]*jsonschema.Schema) {
	if len(m) == 0 {
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	obj := &jnode{isObj: true}
	for _, k := range keys {
		v, err := schemaTree(m[k])
		t.keep(err)
		obj.obj = append(obj.obj, jmember{validText(k), v})
	}
	t.add(key, obj)
}

func (t *tree) values(key string, list []any) {
	if len(list) == 0 {
		return
	}
	arr := &jnode{isArr: true}
	for _, v := range list {
		arr.arr = append(arr.arr, t.value(v))
	}
	t.add(key, arr)
}

// value is the tree of any other value, as encoding/json writes it; a
// string or nil is taken directly, the rest is marshalled and parsed.
func (t *tree) value(v any) *jnode {
	switch v := v.(type) {
	case nil:
		return &jnode{literal: "null"}
	case string:
		return &jnode{str: validText(v), isStr: true}
	case *jsonschema.Schema:
		n, err := schemaTree(v)
		t.keep(err)
		return n
	}
	data, err := json.Marshal(v)
	if err != nil {
		t.keep(err)
		return &jnode{literal: "null"}
	}
	n, err := parseJSON(data)
	t.keep(err)
	if n == nil {
		n = &jnode{literal: "null"}
	}
	return n
}

// validText is s as encoding/json writes it: each byte that is not part of
// valid UTF-8 becomes U+FFFD.
func validText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = utf8.AppendRune(b, utf8.RuneError)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}
