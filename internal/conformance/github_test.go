package conformance

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/contractgen/contractgen/internal/value"
)

// realworldDir holds real GitHub webhook deliveries (MIT, octokit/webhooks;
// see its LICENSE file), one folder per event.
const realworldDir = "../../testdata/realworld/github-webhooks"

// githubEvents maps an event folder to the type that decodes it.
var githubEvents = map[string]string{
	"issues": "IssuesEvent", "pull_request": "PullRequestEvent", "push": "PushEvent",
	"ping": "PingEvent", "release": "ReleaseEvent",
}

// githubCases adds every real delivery as a valid document of its event
// type, and mutations of one delivery per event that a consumer must see
// rejected: an unknown action, a wrong enum value, a missing required
// member, a wrong type at depth, a string where an integer id belongs.
func githubCases(g *gen) {
	events := make([]string, 0, len(githubEvents))
	for ev := range githubEvents {
		events = append(events, ev)
	}
	sort.Strings(events)
	for _, ev := range events {
		schema := githubEvents[ev]
		files, err := filepath.Glob(filepath.Join(realworldDir, ev, "*.json"))
		if err != nil || len(files) == 0 {
			g.t.Fatalf("no deliveries in %s/%s: %v", realworldDir, ev, err)
		}
		sort.Strings(files)
		for _, f := range files {
			g.add(schema, true, "realworld-"+strings.TrimSuffix(filepath.Base(f), ".json"), "a real GitHub "+ev+" delivery", readOrdered(g, f))
		}
		base := readOrdered(g, files[0])
		if at(base, path{"action"}) != nil {
			g.add(schema, false, "mutated-unknown-action", "action must be one of the event's actions", set(base, path{"action"}, vStr("exploded")))
		}
		g.add(schema, false, "mutated-missing-repository-full_name", "repository.full_name is required", del(base, path{"repository", "full_name"}))
		g.add(schema, false, "mutated-repository-id-string", "repository.id is an integer", set(base, path{"repository", "id"}, vStr("123")))
		g.add(schema, false, "mutated-owner-site_admin-string", "a wrong type at depth", set(base, path{"repository", "owner", "site_admin"}, vStr("yes")))
		g.add(schema, false, "mutated-owner-type-enum", "account type must be one of its values", set(base, path{"repository", "owner", "type"}, vStr("Robot")))
		if ev == "issues" {
			g.add(schema, false, "mutated-author_association", "author_association must be one of its values", set(base, path{"issue", "author_association"}, vStr("GOD")))
		}
	}
}

// readOrdered reads a JSON file into a value, keeping member order.
func readOrdered(g *gen, file string) *value.Value {
	data, err := os.ReadFile(file)
	if err != nil {
		g.t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeOrdered(dec)
	if err != nil {
		g.t.Fatalf("%s: %v", file, err)
	}
	return v
}

func decodeOrdered(dec *json.Decoder) (*value.Value, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			l := vList()
			for dec.More() {
				it, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				l.Items = append(l.Items, it)
			}
			_, err := dec.Token()
			return l, err
		}
		o := &value.Value{Kind: value.Object, Members: []value.Member{}}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := decodeOrdered(dec)
			if err != nil {
				return nil, err
			}
			o.Members = append(o.Members, value.Member{Key: k.(string), Value: v})
		}
		_, err := dec.Token()
		return o, err
	case json.Number:
		if !strings.ContainsAny(t.String(), ".eE") {
			return &value.Value{Kind: value.Int, Num: t.String()}, nil
		}
		return vNum(t.String()), nil
	case string:
		return vStr(t), nil
	case bool:
		return vBool(t), nil
	}
	return vNull(), nil
}
