package agreement

// tnode is a parsed YAML or JSON value with its position; the leaves know
// how to decode themselves with their own syntax's rules.
type tnode struct {
	kind   tkind
	pos    position
	keys   []*tnode // tMap: the keys (scalars), in file order
	vals   []*tnode // tMap: the values, aligned with keys; tSeq: the elements
	value  string   // tScalar: the text as written
	quoted bool     // tScalar: written in quotes (a string)
	decode func(v any) error
}

type tkind int

const (
	tNull tkind = iota
	tScalar
	tMap
	tSeq
)

func (k tkind) String() string {
	switch k {
	case tMap:
		return "mapping"
	case tSeq:
		return "list"
	case tNull:
		return "null"
	}
	return "value"
}
