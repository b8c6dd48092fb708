package model

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/pattern"
	"github.com/contractgen/contractgen/internal/value"
)

// Dir says what a literal is scanned as: the payload of a request or of a
// response, or a type on its own.
type Dir int

// The directions a literal is scanned in.
const (
	DirRequest Dir = iota + 1
	DirResponse
	DirType
)

// The rules of a forbidden-material problem.
const (
	RuleForbiddenKey   Rule = "forbidden_key"
	RuleForbiddenValue Rule = "forbidden_value"
)

// applies reports whether a rule that applies on o scans literals of d.
func (o On) applies(d Dir) bool {
	switch d {
	case DirRequest:
		return o.Requests
	case DirResponse:
		return o.Responses
	case DirType:
		return o.Types
	}
	return false
}

// FindForbidden returns the first forbidden key or string of v, a literal
// of type t, the way generated decoders scan it as the payload of a
// message of dir, or as a type on its own (DirType), with paths from
// path. Keys the spec declares are the contract's own and are not tested;
// map keys and keys inside json values are. Strings are tested by the
// value rules of scope payload and message everywhere, and by those of
// scope free_form inside json values and maps (the members of objects a
// map holds included). Members an open type does not model are skipped,
// as decoders skip them. It returns nil when v holds nothing forbidden;
// f may be nil.
func (f *Forbidden) FindForbidden(v *value.Value, t *Type, dir Dir, path string) *Problem {
	if f == nil || v == nil || t == nil {
		return nil
	}
	s := &scan{f: f, dir: dir}
	s.object(v, t, false, path)
	return s.result()
}

// FindForbiddenField is FindForbidden for v, the value of field fl (a
// default or a const), at path.
func (f *Forbidden) FindForbiddenField(v *value.Value, fl *Field, dir Dir, path string) *Problem {
	if f == nil || v == nil || fl == nil {
		return nil
	}
	s := &scan{f: f, dir: dir}
	s.typed(v, fl.Type, false, path)
	return s.result()
}

// KeyForbiddenAnywhere reports whether some key rule forbids key in any
// scope or direction: what an example the generator makes up must avoid.
func (f *Forbidden) KeyForbiddenAnywhere(key string) bool {
	if f == nil {
		return false
	}
	for _, k := range f.Keys {
		if KeyForbidden(k, key) {
			return true
		}
	}
	return false
}

// scan walks one literal and keeps the first offender.
type scan struct {
	f     *Forbidden
	dir   Dir
	found Problem
	done  bool
}

// object walks an object of type t; free is set inside a map, where every
// string, an object's own members' included, is free-form.
func (s *scan) object(v *value.Value, t *Type, free bool, path string) {
	if s.done || v.Kind != value.Object {
		return
	}
	if u := t.Union; u != nil {
		if vr, _ := u.Select(v, path); vr.Object() != nil {
			s.object(v, vr.Object(), free, path)
		}
		return
	}
	for _, m := range v.Members {
		if fl := FieldByName(t, m.Key); fl != nil {
			s.typed(m.Value, fl.Type, free, join(path, m.Key))
		}
		if s.done {
			return
		}
	}
}

// typed walks v as a value of type t; free is set inside maps and json
// values, whose strings free_form rules scan.
func (s *scan) typed(v *value.Value, t *TypeRef, free bool, path string) {
	if s.done || v == nil || t == nil {
		return
	}
	switch t.Kind {
	case KindAny:
		s.raw(v, path)
	case KindObject:
		if t.Object != nil {
			s.object(v, t.Object, free, path)
		}
	case KindList:
		for i, it := range v.Items {
			s.typed(it, t.Elem, free, path+"["+strconv.Itoa(i)+"]")
		}
	case KindMap:
		for _, m := range v.Members {
			p := join(path, m.Key)
			s.key(m.Key, p, m.KeyPos)
			s.typed(m.Value, t.Elem, true, p)
		}
	default:
		if v.Kind == value.String {
			s.str(v.Str, free, path, v.Pos)
		}
	}
}

// raw walks a free-form value: every key and string is tested.
func (s *scan) raw(v *value.Value, path string) {
	if s.done {
		return
	}
	switch v.Kind {
	case value.String:
		s.str(v.Str, true, path, v.Pos)
	case value.List:
		for i, it := range v.Items {
			s.raw(it, path+"["+strconv.Itoa(i)+"]")
		}
	case value.Object:
		for _, m := range v.Members {
			p := join(path, m.Key)
			s.key(m.Key, p, m.KeyPos)
			s.raw(m.Value, p)
		}
	}
}

// key tests a key the contract does not declare against the key rules.
func (s *scan) key(key, path string, pos diag.Pos) {
	if s.done {
		return
	}
	for _, k := range s.f.Keys {
		if k.On.applies(s.dir) && KeyForbidden(k, key) {
			s.report(RuleForbiddenKey, k.Message, path, pos)
			return
		}
	}
}

// str tests a string against the value rules that reach it.
func (s *scan) str(text string, free bool, path string, pos diag.Pos) {
	if s.done {
		return
	}
	for _, r := range s.f.Values {
		if !r.On.applies(s.dir) || r.AppliesTo == ScopeFreeForm && !free {
			continue
		}
		for _, p := range r.Patterns {
			if re := portable(p.Pattern); re != nil && re.MatchString(text) {
				s.report(RuleForbiddenValue, r.Message, path, pos)
				return
			}
		}
	}
}

func (s *scan) result() *Problem {
	if !s.done {
		return nil
	}
	return &s.found
}

func (s *scan) report(rule Rule, message, path string, pos diag.Pos) {
	s.found = Problem{Pos: pos, Path: path, Rule: rule, Msg: strings.ReplaceAll(message, "{path}", path)}
	s.done = true
}

// portables caches the compiled form of forbidden-value patterns, with \b
// rewritten as the generated code has it; nil for one that does not
// compile, which the validator reports.
var portables sync.Map // pattern text -> *regexp.Regexp

func portable(p string) *regexp.Regexp {
	if re, ok := portables.Load(p); ok {
		return re.(*regexp.Regexp)
	}
	var re *regexp.Regexp
	if src, err := pattern.PortablePattern(p); err == nil {
		re, _ = regexp.Compile(src)
	}
	portables.Store(p, re)
	return re
}
