package breaking

import (
	"fmt"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
)

var zero diag.Pos

// object compares the members of two versions of an object in each
// direction of d. oOwner and nOwner are where the object is written, for
// members that are not there in one version.
func (c *comparer) object(ot, nt *model.Type, d dir, what string, oOwner, nOwner diag.Pos) {
	if ot == nil || nt == nil {
		return
	}
	if ot.Open != nt.Open {
		d.each(func(d dir) {
			switch {
			case d == inRequest && !nt.Open:
				c.add("REQUEST_TYPE_CLOSED", oOwner, nOwner, "%s no longer accepts members it does not model", what)
			case d == inResponse && nt.Open:
				c.add("RESPONSE_TYPE_OPENED", oOwner, nOwner, "%s may now carry members it does not model", what)
			case d == inRequest:
				c.add("REQUEST_CONSTRAINT_RELAXED", oOwner, nOwner, "%s now accepts members it does not model", what)
			default:
				c.add("RESPONSE_CONSTRAINT_TIGHTENED", oOwner, nOwner, "%s no longer carries members it does not model", what)
			}
		})
	}
	var removed, added []*model.Field
	for _, of := range ot.Fields {
		if nf := model.FieldByName(nt, of.Name); nf != nil {
			c.field(of, nf, d, what)
		} else {
			removed = append(removed, of)
		}
	}
	for _, nf := range nt.Fields {
		if model.FieldByName(ot, nf.Name) == nil {
			added = append(added, nf)
		}
	}
	if len(removed) == 1 && len(added) == 1 && fieldShape(removed[0]) == fieldShape(added[0]) {
		of, nf := removed[0], added[0]
		c.add("FIELD_RENAMED", of.Pos, pos(nf.Pos, nOwner), "member %s of %s is now %s", of.Name, what, nf.Name)
		if of.GoName != nf.GoName {
			c.add("GO_FIELD_REMOVED", of.Pos, pos(nf.Pos, nOwner), "member %s of %s is now %s: Go field %s is now %s", of.Name, what, nf.Name, of.GoName, nf.GoName)
		}
		return
	}
	for _, of := range removed {
		c.add("GO_FIELD_REMOVED", of.Pos, nOwner, "member %s of %s is removed: Go field %s is gone", of.Name, what, of.GoName)
		d.each(func(d dir) {
			switch {
			case d == inRequest:
				c.add("REQUEST_FIELD_REMOVED", of.Pos, nOwner, "member %s of %s is removed", of.Name, what)
			case of.WireRequired():
				c.add("RESPONSE_FIELD_REMOVED", of.Pos, nOwner, "member %s of %s is removed; it was required", of.Name, what)
			default:
				c.add("RESPONSE_OPTIONAL_FIELD_REMOVED", of.Pos, nOwner, "member %s of %s is removed", of.Name, what)
			}
		})
	}
	for _, nf := range added {
		d.each(func(d dir) {
			switch {
			case d == inRequest && nf.WireRequired():
				c.add("REQUEST_FIELD_ADDED_REQUIRED", oOwner, pos(nf.Pos, nOwner), "member %s is added to %s, required and without a default", nf.Name, what)
			case d == inRequest:
				c.add("REQUEST_FIELD_ADDED_OPTIONAL", oOwner, pos(nf.Pos, nOwner), "member %s is added to %s", nf.Name, what)
			case ot.Open:
				c.add("RESPONSE_FIELD_ADDED_TO_OPEN_TYPE", oOwner, pos(nf.Pos, nOwner), "member %s is added to %s, which readers keep open", nf.Name, what)
			default:
				c.add("RESPONSE_FIELD_ADDED", oOwner, pos(nf.Pos, nOwner), "member %s is added to %s", nf.Name, what)
			}
		})
	}
}

func pos(p, fallback diag.Pos) diag.Pos {
	if p.Line > 0 {
		return p
	}
	return fallback
}

// field compares one member present in both versions.
func (c *comparer) field(of, nf *model.Field, d dir, what string) {
	at := func(id, format string, args ...any) {
		c.add(id, of.Pos, nf.Pos, "member %s of %s: "+format, append([]any{nf.Name, what}, args...)...)
	}
	if of.GoName != nf.GoName {
		at("GO_FIELD_RENAMED", "Go field %s is now %s", of.GoName, nf.GoName)
	}
	if og, ng := c.goType(of, true), c.goType(nf, false); og != ng {
		at("GO_FIELD_TYPE_CHANGED", "Go type %s is now %s", og, ng)
	}
	if of.Description != nf.Description || of.Deprecated != nf.Deprecated {
		at("DESCRIPTION_CHANGED", "description changed")
	}
	ot, nt := c.typeString(of.Type, true), nf.Type.String()
	if ot != nt {
		d.each(func(d dir) { c.retyped(of, nf, d, ot, nt, at) })
		return
	}
	d.each(func(d dir) { c.fieldIn(of, nf, d, at) })
}

// retyped reports a changed member type; a string narrowed to a state set
// or a state set widened to a string matters in one direction only.
func (c *comparer) retyped(of, nf *model.Field, d dir, ot, nt string, at func(string, string, ...any)) {
	switch {
	case of.Type.Kind == model.KindString && nf.Type.Kind == model.KindState:
		at(d.pick("REQUEST_STRING_NARROWED_TO_ENUM", "RESPONSE_CONSTRAINT_TIGHTENED"), "any string is now one of state set %s", nt)
	case of.Type.Kind == model.KindState && nf.Type.Kind == model.KindString:
		at(d.pick("REQUEST_CONSTRAINT_RELAXED", "RESPONSE_ENUM_WIDENED_TO_STRING"), "state set %s is now any string", ot)
	default:
		at("FIELD_TYPE_CHANGED", "type %s is now %s", ot, nt)
	}
}

// fieldIn compares what a member accepts in one direction.
func (c *comparer) fieldIn(of, nf *model.Field, d dir, at func(string, string, ...any)) {
	req := d == inRequest
	nullChanged := of.Nullable != nf.Nullable
	constChanged := (of.Const == nil) != (nf.Const == nil)
	if nullChanged {
		switch {
		case req && !nf.Nullable:
			at("REQUEST_FIELD_NULLABLE_REMOVED", "null is no longer accepted")
		case req:
			at("REQUEST_FIELD_NULLABLE_ADDED", "null is now accepted")
		case nf.Nullable:
			at("RESPONSE_FIELD_NULLABLE_ADDED", "may now be null")
		default:
			at("RESPONSE_FIELD_NULLABLE_REMOVED", "is no longer null")
		}
	}
	if or, nr := of.WireRequired(), nf.WireRequired(); or != nr && !nullChanged && !constChanged {
		switch {
		case req && nr:
			at("REQUEST_FIELD_MADE_REQUIRED", "is now required and has no default")
		case req:
			at("REQUEST_FIELD_MADE_OPTIONAL", "may now be omitted")
		case nr:
			at("RESPONSE_FIELD_MADE_REQUIRED", "is now always present")
		default:
			at("RESPONSE_FIELD_MADE_OPTIONAL", "may now be absent")
		}
	}
	if of.Default != nil && nf.Default != nil && of.Default.Canonical() != nf.Default.Canonical() {
		at("FIELD_DEFAULT_CHANGED", "default %s is now %s", of.Default.JSON(), nf.Default.JSON())
	}
	switch {
	case of.Const != nil && nf.Const != nil && of.Const.Canonical() != nf.Const.Canonical():
		at("FIELD_CONST_CHANGED", "fixed value %s is now %s", of.Const.JSON(), nf.Const.JSON())
	case of.Const == nil && nf.Const != nil:
		at(d.pick("REQUEST_FIELD_CONST_ADDED", "RESPONSE_CONSTRAINT_TIGHTENED"), "is now fixed to %s", nf.Const.JSON())
	case of.Const != nil && nf.Const == nil:
		at(d.pick("REQUEST_CONSTRAINT_RELAXED", "RESPONSE_FIELD_CONST_REMOVED"), "is no longer fixed to %s", of.Const.JSON())
	}
	if of.Source != nf.Source || sourceField(of) != sourceField(nf) {
		at("FIELD_SOURCE_CHANGED", "source %s is now %s", source(of), source(nf))
	}
	if of.Trim != nf.Trim {
		at("FIELD_TRIM_CHANGED", "trim is now %v", nf.Trim)
	}
	c.constraints(of, nf, d, at)
}

func sourceField(f *model.Field) string {
	if f.RequestField != nil {
		return f.RequestField.Name
	}
	return ""
}

func source(f *model.Field) string {
	switch {
	case f.Source == model.SourceNone:
		return "none"
	case f.RequestField != nil:
		return "request." + f.RequestField.Name
	}
	return string(f.Source)
}

// typeString renders a type reference, old names mapped to their new ones
// when the type or state set was renamed.
func (c *comparer) typeString(t *model.TypeRef, old bool) string {
	switch t.Kind {
	case model.KindList:
		return "list<" + c.typeString(t.Elem, old) + ">"
	case model.KindMap:
		return "map<" + c.typeString(t.Elem, old) + ">"
	case model.KindState:
		if r, ok := c.stateRenamed[t.State.Name]; ok && old {
			return r
		}
		return t.State.Name
	case model.KindObject:
		if r, ok := c.typeRenamed[t.Object.Name]; ok && old {
			return r
		}
		return t.Object.Name
	}
	return string(t.Kind)
}

// goType is the Go type of a struct field as the Go emitter writes it:
// nullable or optional scalars and objects are pointers.
func (c *comparer) goType(f *model.Field, old bool) string {
	s := c.goTypeOf(f.Type, old)
	if (f.Nullable || f.Optional) && f.Type.Kind != model.KindList && f.Type.Kind != model.KindMap && f.Type.Kind != model.KindAny {
		s = "*" + s
	}
	return s
}

// goTypeOf names an old type or state set by its counterpart in the new
// version, so that a rename is reported once, as the rename.
func (c *comparer) goTypeOf(t *model.TypeRef, old bool) string {
	if s, ok := model.ScalarGoTypes[t.Kind]; ok {
		return s
	}
	switch t.Kind {
	case model.KindState:
		if old {
			if ns := c.newState(c.stateName(t.State.Name)); ns != nil {
				return ns.GoName
			}
		}
		return t.State.GoName
	case model.KindObject:
		if old {
			if nt := c.newType(c.typeName(t.Object.Name)); nt != nil {
				return nt.GoName
			}
		}
		return t.Object.GoName
	case model.KindList:
		return "[]" + c.goTypeOf(t.Elem, old)
	case model.KindMap:
		return "Map[" + c.goTypeOf(t.Elem, old) + "]"
	}
	return "any"
}

// fieldShape is a text equal for members that differ at most in name.
func fieldShape(f *model.Field) string {
	v := func(x *value.Value) string {
		if x == nil {
			return "-"
		}
		return x.Canonical()
	}
	i := func(p *int) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	return fmt.Sprintf("%s|%v|%v|%v|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%v|%v|%v|%s", f.Type, f.Nullable, f.Required, f.Optional,
		v(f.Default), v(f.Const), v(f.Minimum), v(f.Maximum), v(f.ExclusiveMinimum), v(f.ExclusiveMaximum),
		i(f.MinLength), i(f.MaxLength), i(f.MinItems), i(f.MaxItems), f.Pattern, f.Format, f.KeyPattern, f.NonEmpty, f.UniqueItems, f.Trim, source(f))
}

func sameValues(a, b []*value.Value) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Canonical() != b[i].Canonical() {
			return false
		}
	}
	return true
}

func (c *comparer) stateName(n string) string {
	if r, ok := c.stateRenamed[n]; ok {
		return r
	}
	return n
}

func (c *comparer) newType(name string) *model.Type {
	for _, t := range c.new.Types {
		if t.Name == name {
			return t
		}
	}
	return nil
}

func (c *comparer) newState(name string) *model.StateSet {
	for _, s := range c.new.States {
		if s.Name == name {
			return s
		}
	}
	return nil
}
