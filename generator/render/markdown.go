package render

import (
	"bufio"
	"bytes"
	"errors"
	"html"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"postes/generator/message"
)

// Markdown renders offer bodies. The zero value is not usable; use
// NewMarkdown. It is safe for concurrent use.
type Markdown struct {
	md goldmark.Markdown
	// noLinks is md without Linkify, for bodies with nothing to link:
	// Linkify looks at every space of a text, a quarter of goldmark's time,
	// and most offers give no address at all.
	noLinks goldmark.Markdown
}

// NewMarkdown configures goldmark for offers: URLs and e-mail addresses
// become links (how to apply must stand out), headings move one level down
// (the offer title is the page's only h1), and raw HTML is shown as text,
// escaped, since offers come from outside and must not inject markup.
func NewMarkdown() *Markdown {
	with := func(ext ...goldmark.Extender) goldmark.Markdown {
		return goldmark.New(
			goldmark.WithExtensions(append(ext, extension.Strikethrough, extension.Table)...),
			goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(demoteHeadings{}, 100))),
			goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(escapeRawHTML{}, 100))),
		)
	}
	return &Markdown{md: with(extension.Linkify), noLinks: with()}
}

// mayLink reports whether Linkify could find something in src: it links
// only URLs with a scheme ("https://"), "www." addresses and e-mail
// addresses. TestMarkdownWithoutLinksSkipsLinkify holds the two renderers
// to the same output.
func mayLink(src string) bool {
	return strings.Contains(src, "@") || strings.Contains(src, "://") || strings.Contains(src, "www.") ||
		strings.Contains(src, "WWW.") || strings.Contains(src, "Www.")
}

// Render converts Markdown to HTML. It refuses a body beyond the limits
// (see CheckBody) with a *LimitError, and stops at maxHTML(len(src))
// bytes of HTML whatever the body.
func (m *Markdown) Render(src string) (string, error) {
	b := renderBufs.Get().(*renderBuf)
	defer putRenderBuf(b)
	if err := m.convert(src, b); err != nil {
		return "", err
	}
	return b.buf.String(), nil
}

// RenderMinified converts Markdown to HTML minified by min, without the
// copies Render and min.String would each make.
func (m *Markdown) RenderMinified(src string, min *minify.M) (string, error) {
	b := renderBufs.Get().(*renderBuf)
	defer putRenderBuf(b)
	if err := m.convert(src, b); err != nil {
		return "", err
	}
	b.out.Reset()
	// The minifier reads b.buf's bytes in place (it has Bytes).
	if err := min.Minify("text/html", &b.out, &b.buf); err != nil {
		return "", err
	}
	return b.out.String(), nil
}

// convert renders src into b.buf.
func (m *Markdown) convert(src string, b *renderBuf) error {
	if err := CheckBody(src); err != nil {
		return err
	}
	b.buf.Reset()
	b.lim = capped{buf: &b.buf, max: maxHTML(len(src))}
	b.w.Reset(&b.lim)
	md := m.md
	if !mayLink(src) {
		md = m.noLinks
	}
	// goldmark writes through b.w, a bufio.Writer, instead of making one
	// of its own for every body; it flushes it when done. Past the cap
	// every write fails, and goldmark's error is the cap's.
	err := md.Convert([]byte(src), b.w)
	if b.lim.over {
		return limitError(1, message.BodyHTMLTooBig, "size", b.lim.max, "times", b.lim.max/max(len(src), 1))
	}
	return err
}

// capped is a buffer that refuses to grow past max bytes.
type capped struct {
	buf  *bytes.Buffer
	max  int
	over bool
}

func (c *capped) Write(p []byte) (int, error) {
	if c.buf.Len()+len(p) > c.max {
		c.over = true
		return 0, errCapped
	}
	return c.buf.Write(p)
}

var errCapped = errors.New("too much HTML")

// renderBuf is what Render reuses from one body to the next.
type renderBuf struct {
	buf, out bytes.Buffer
	lim      capped
	w        *bufio.Writer
}

var renderBufs = sync.Pool{New: func() any {
	b := &renderBuf{}
	b.w = bufio.NewWriter(&b.lim)
	return b
}}

// putRenderBuf keeps b for the next body, unless a large body grew it:
// the pool would hold megabytes per worker for the rest of the build.
func putRenderBuf(b *renderBuf) {
	if b.buf.Cap() <= 1<<20 && b.out.Cap() <= 1<<20 {
		renderBufs.Put(b)
	}
}

type demoteHeadings struct{}

func (demoteHeadings) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			h.Level = min(h.Level+1, 6)
		}
		return ast.WalkContinue, nil
	})
}

// escapeRawHTML replaces goldmark's raw HTML renderers: "<script>" in an
// offer is shown as the text "<script>".
type escapeRawHTML struct{}

func (escapeRawHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := 0; i < segs.Len(); i++ {
				s := segs.At(i)
				_, _ = w.WriteString(html.EscapeString(string(s.Value(src))))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*ast.HTMLBlock)
		_, _ = w.WriteString("<p>")
		lines := b.Lines()
		for i := 0; i < lines.Len(); i++ {
			s := lines.At(i)
			_, _ = w.WriteString(html.EscapeString(string(s.Value(src))))
		}
		if b.HasClosure() {
			_, _ = w.WriteString(html.EscapeString(string(b.ClosureLine.Value(src))))
		}
		_, _ = w.WriteString("</p>\n")
		return ast.WalkSkipChildren, nil
	})
}
