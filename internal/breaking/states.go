package breaking

import (
	"strings"

	"github.com/contractgen/contractgen/internal/model"
)

// states compares the state sets by name. A set removed while one with the
// same values is added counts as renamed: its Go type name changes, the
// wire does not.
func (c *comparer) states() {
	oldBy := map[string]*model.StateSet{}
	for _, s := range c.old.States {
		oldBy[s.Name] = s
	}
	newBy := map[string]*model.StateSet{}
	for _, s := range c.new.States {
		newBy[s.Name] = s
	}
	for _, os := range c.old.States {
		if newBy[os.Name] != nil {
			continue
		}
		renamed := false
		for _, ns := range c.new.States {
			if oldBy[ns.Name] == nil && stateValues(os) == stateValues(ns) {
				c.stateRenamed[os.Name] = ns.Name
				c.add("GO_TYPE_RENAMED", os.Pos, ns.Pos, "state set %s is now %s: Go type %s is now %s", os.Name, ns.Name, os.GoName, ns.GoName)
				c.stateSet(os, ns)
				renamed = true
				break
			}
		}
		if !renamed {
			c.add("GO_TYPE_REMOVED", os.Pos, zero, "state set %s is removed: Go type %s and its constants are gone", os.Name, os.GoName)
		}
	}
	for _, ns := range c.new.States {
		if os := oldBy[ns.Name]; os != nil {
			if os.GoName != ns.GoName {
				c.add("GO_TYPE_RENAMED", os.Pos, ns.Pos, "Go type %s of state set %s is now %s", os.GoName, ns.Name, ns.GoName)
			}
			c.stateSet(os, ns)
		}
	}
}

func stateValues(s *model.StateSet) string {
	var vs []string
	for _, v := range s.Values {
		vs = append(vs, v.Value)
	}
	return strings.Join(vs, "\x00")
}

// stateSet compares the values of one set in each direction it is used in.
func (c *comparer) stateSet(os, ns *model.StateSet) {
	d := c.use.states[os.Name] | c.use.states[ns.Name]
	if os.Description != ns.Description {
		c.add("DESCRIPTION_CHANGED", os.Pos, ns.Pos, "description of state set %s changed", ns.Name)
	}
	for _, ov := range os.Values {
		nv := findValue(ns, ov.Value)
		if nv == nil {
			c.add("GO_CONST_REMOVED", ov.Pos, ns.Pos, "state %q of %s is removed: Go constant %s is gone", ov.Value, ns.Name, ov.GoName)
			d.each(func(d dir) {
				c.add(d.pick("REQUEST_STATE_VALUE_REMOVED", "RESPONSE_STATE_VALUE_REMOVED"), ov.Pos, ns.Pos, "state %q of %s is removed", ov.Value, ns.Name)
			})
			continue
		}
		if ov.GoName != nv.GoName {
			c.add("GO_CONST_RENAMED", ov.Pos, nv.Pos, "Go constant %s of state %q is now %s", ov.GoName, ov.Value, nv.GoName)
		}
		if ov.Description != nv.Description {
			c.add("DESCRIPTION_CHANGED", ov.Pos, nv.Pos, "description of state %q of %s changed", nv.Value, ns.Name)
		}
	}
	for _, nv := range ns.Values {
		if findValue(os, nv.Value) == nil {
			d.each(func(d dir) {
				c.add(d.pick("REQUEST_STATE_VALUE_ADDED", "RESPONSE_STATE_VALUE_ADDED"), os.Pos, nv.Pos, "state %q is added to %s", nv.Value, ns.Name)
			})
		}
	}
}

func findValue(s *model.StateSet, v string) *model.StateValue {
	for _, sv := range s.Values {
		if sv.Value == v {
			return sv
		}
	}
	return nil
}
