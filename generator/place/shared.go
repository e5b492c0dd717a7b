package place

// Shared says whether communes of several départements or collectivities
// bear the name: Saint-Denis (93, 974), Valence (26, 82). A page of
// offers by town must then name its département, in its address and its
// title, so that neither depends on which towns a board happens to hold.
func Shared(name string) bool {
	t := load()
	head := t.lookup(t.ft.key(name))
	first := ""
	for e := head; e >= 0; e = t.entries[e].next {
		en := &t.entries[e]
		if en.kind != kindCommune {
			continue
		}
		d := t.place(e, "").Department
		if first == "" {
			first = d
		} else if d != first {
			return true
		}
	}
	return false
}
