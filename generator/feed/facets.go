package feed

import (
	"encoding/json"
	"io"

	"postes/generator/site"
)

// WriteFacets writes facettes.json, which every page's finder loads when
// the page loads, to fill its filters at once: the values of each way to
// follow offers, with their address and open offers,
//
//	{"v":1,"employeurs":[[label, slug, open]…],"lieux":[…],"grades":[…],
//	 "categories":[…],"filieres":[…],"contrats":[…]}
//
// each sorted by label. A value's page is <facet>/<slug>/, with its
// feed.xml and echeances.ics. It is small: the values, not the offers
// (recherche.json holds those, loaded when a reader filters).
func WriteFacets(w io.Writer, b *site.Board) error {
	out := map[string]any{"v": 1}
	emps := make([][3]any, 0, len(b.Employers))
	for _, e := range b.Employers {
		emps = append(emps, [3]any{e.Name, e.Slug, e.Open})
	}
	out["employeurs"] = emps
	for _, f := range b.Facets {
		vs := make([][3]any, 0, len(f.Values))
		for _, v := range f.Values {
			vs = append(vs, [3]any{v.Label, v.Slug, v.Open})
		}
		out[f.Name] = vs
	}
	enc := json.NewEncoder(w)
	return enc.Encode(out)
}
