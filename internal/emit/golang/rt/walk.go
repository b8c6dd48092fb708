package rt

import "unsafe"

// maxTableDepth is how many objects within objects walkObjects follows
// below the member it starts from. The generator gives a type that nests
// deeper, or holds itself, a validate method instead of a table.
const maxTableDepth = 8

// tableFrame is one object that walkObjects is checking: its rows and
// the next of them. A frame for a list of objects checks each item in
// turn. The frame's path nodes are kept apart (see walkObjects).
type tableFrame struct {
	rules []memberRule
	base  unsafe.Pointer
	sc    scanMode
	next  int
	list  *memberRule
	items *sliceHeader
	item  int
}

// walkObjects checks the object, or the list of objects, that row r holds
// at v, with its path at p, and every object within it. It walks with
// stacks of its own rather than by recursion: the compiler moves to the
// heap every path node that a recursive walk hands down, and Validate
// must not allocate. So that the stacks stay on the goroutine's stack:
// the path nodes, which point at each other, are an array apart from the
// frames, whose rows and values the compiler lets reach the heap (it
// tells no field of a variable from another); they are written as
// nodes[i], never through a pointer (which it takes for a store to the
// heap); and no pointer to them is stored in a parameter (which it takes
// to outlive them). Frame k's item path is nodes[2k], the path of the
// member it is checking nodes[2k+1].
func walkObjects(p *pathNode, r *memberRule, v unsafe.Pointer, es *Errors, sc scanMode) {
	var frames [maxTableDepth]tableFrame
	var nodes [2 * maxTableDepth]pathNode
	top := -1
	// The row holding objects to start a frame for, at path at.
	at, row, rv, rsc := p, r, v, sc
	for {
		switch {
		case row == nil:
		case row.kind == ruleObject:
			if row.obj != nil {
				top++
				frames[top] = tableFrame{rules: *row.obj, base: rv, sc: rsc}
				nodes[2*top+1] = keyPath(at, "")
			}
		default:
			items := (*sliceHeader)(rv)
			row.checkItems(at, items.len, es)
			if row.has&hasNonEmpty != 0 {
				es.failIf(items.len == 0, at, "non_empty", ErrEmpty, row.nonEmpty)
			}
			if row.obj != nil && items.len > 0 {
				top++
				frames[top] = tableFrame{rules: *row.obj, base: items.data, sc: rsc, list: row, items: items}
				nodes[2*top] = indexPath(at, 0)
				nodes[2*top+1] = keyPath(&nodes[2*top], "")
			}
		}
		row = nil
		if top < 0 {
			return
		}
		f := &frames[top]
		if f.next == len(f.rules) {
			if f.list != nil && f.item+1 < f.items.len {
				f.item++
				f.next = 0
				f.base = unsafe.Add(f.items.data, uintptr(f.item)*f.list.size)
				nodes[2*top].index = f.item
				continue
			}
			top--
			continue
		}
		m := &f.rules[f.next]
		f.next++
		nodes[2*top+1].key = m.key
		mv, msc, ok := m.member(f.base, f.sc)
		if !ok {
			continue
		}
		if m.kind < ruleObject {
			m.check(&nodes[2*top+1], mv, es, msc)
			continue
		}
		if top+1 == maxTableDepth {
			panic("walkObjects: objects nested deeper than maxTableDepth")
		}
		at, row, rv, rsc = &nodes[2*top+1], m, mv, msc
	}
}
