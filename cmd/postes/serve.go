package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"postes"
	"postes/generator/build"
	"postes/generator/content"
)

func cmdServe(args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("postes serve", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var opt build.Options
	fset.StringVar(&opt.Source, "source", ".", "site root: config.toml, content/, templates/, static/")
	fset.StringVar(&opt.Now, "now", "", "the build's today as YYYY-MM-DD (default: today in the board's time zone)")
	port := fset.Int("port", 1313, "port to listen on (0: any free port)")
	bind := fset.String("bind", "127.0.0.1", "address to listen on")
	if err := fset.Parse(args); err != nil {
		return errUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opt.Theme = postes.Theme
	return serve(ctx, opt, net.JoinHostPort(*bind, strconv.Itoa(*port)), stdout, stderr, nil)
}

// debounce is how long serve waits after the last file event before it
// rebuilds: long enough to see an editor's write-then-rename as one change,
// short enough to count little in the time from save to page. A checkout
// of many files may take two rebuilds; the last one sees every file.
const debounce = 15 * time.Millisecond

// server serves the last good board and tells open pages to reload.
type server struct {
	opt    build.Options
	b      *build.Builder // keeps what it read and wrote between rebuilds
	stdout io.Writer
	stderr io.Writer

	mu       sync.Mutex
	problems []string // why the last rebuild was not published; nil when fine
	clients  map[chan sse]bool
}

type sse struct{ event, data string }

// serve builds the board into a temporary folder, serves it on addr, and
// rebuilds on every change until ctx is done. ready, if not nil, receives
// the address once the server listens (tests listen on port 0).
func serve(ctx context.Context, opt build.Options, addr string, stdout, stderr io.Writer, ready func(string)) error {
	tmp, err := os.MkdirTemp("", "postes-serve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	opt.Output = filepath.Join(tmp, "public")
	opt.BaseURL = "http://" + ln.Addr().String() + "/"
	opt.ErrorsAbort = true
	// serve's output is its own: update it in place, file by file, so a
	// rebuild after one edit writes only what that edit changed.
	opt.InPlace = true
	s := &server{opt: opt, b: build.NewBuilder(opt), stdout: stdout, stderr: stderr, clients: map[chan sse]bool{}}
	if !s.rebuild() {
		// Nothing to serve yet: show the problems until they are fixed.
		if err := os.MkdirAll(opt.Output, 0o755); err != nil {
			return err
		}
	}

	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := s.watch(w); err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	fmt.Fprintf(stdout, "serving on %s (Ctrl-C to stop)\n", opt.BaseURL)
	if ready != nil {
		ready(ln.Addr().String())
	}

	timer := time.NewTimer(time.Hour)
	timer.Stop()
	// What changed since the last rebuild: the rebuild reads only those
	// files, unless a folder came or went (full).
	var changed []string
	full := false
	for {
		select {
		case <-ctx.Done():
			s.closeClients()
			shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			_ = srv.Shutdown(shut)
			fmt.Fprintln(stdout, "stopped")
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					_ = addTree(w, ev.Name) // a new folder: watch it and what it holds
					full = true
				}
			}
			if s.relevant(ev.Name) {
				if filepath.Ext(ev.Name) == "" {
					full = true // a folder removed or renamed, or a file without extension
				}
				changed = append(changed, ev.Name)
				timer.Reset(debounce)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			// Events may have been lost (a full queue): look at everything.
			full = true
			timer.Reset(debounce)
			fmt.Fprintln(stderr, "postes: watching files:", err)
		case <-timer.C:
			if full {
				s.b.Hint(nil)
			} else {
				s.b.Hint(changed)
			}
			changed, full = nil, false
			if s.rebuild() {
				s.broadcast(sse{"reload", "{}"})
			} else {
				s.broadcast(sse{"problems", s.problemsJSON()})
			}
		}
	}
}

// watch adds the site root (for config.toml) and every folder under
// content/, templates/ and static/.
func (s *server) watch(w *fsnotify.Watcher) error {
	if err := w.Add(s.opt.Source); err != nil {
		return err
	}
	for _, d := range []string{"content", "templates", "static"} {
		if err := addTree(w, filepath.Join(s.opt.Source, d)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

func addTree(w *fsnotify.Watcher, root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return w.Add(p)
		}
		return nil
	})
}

// relevant filters out what editors write beside a file while saving it
// (vim's 4913 probe and .swp, emacs's #x# and .#x, backups x~): they would
// trigger rebuilds that change nothing.
func (s *server) relevant(name string) bool {
	rel, err := filepath.Rel(s.opt.Source, name)
	if err != nil {
		return false
	}
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasPrefix(base, "#") || strings.HasSuffix(base, "~") || base == "4913" {
		return false
	}
	switch strings.ToLower(filepath.Ext(base)) {
	case ".swp", ".swx", ".swo", ".tmp", ".bak", ".orig":
		return false
	}
	top := strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
	switch top {
	case "config.toml", "templates", "static":
		return true
	case "content":
		ext := strings.ToLower(filepath.Ext(base))
		// A folder removed or renamed has no extension: rebuild too.
		return ext == ".txt" || ext == ".md" || ext == "" || base == "_defaults.toml"
	}
	return false
}

// rebuild builds the board and reports whether it was published.
func (s *server) rebuild() bool {
	res, err := s.b.Build()
	var msgs []string
	if res != nil {
		for _, d := range res.Diags {
			fmt.Fprintln(s.stderr, d.Error())
			if d.Severity == content.Error {
				msgs = append(msgs, d.Error())
			}
		}
	}
	switch {
	case errors.Is(err, build.ErrStrict):
		fmt.Fprintln(s.stderr, "postes: not published, the last good board is still served")
	case err != nil:
		msgs = append(msgs, err.Error())
		fmt.Fprintln(s.stderr, "postes:", err)
		fmt.Fprintln(s.stderr, "postes: not published, the last good board is still served")
	default:
		fmt.Fprintln(s.stdout, res.Summary())
		msgs = nil
	}
	s.mu.Lock()
	s.problems = msgs
	s.mu.Unlock()
	return err == nil
}

func (s *server) problemsJSON() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	data, _ := json.Marshal(s.problems)
	return string(data)
}

func (s *server) broadcast(e sse) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c <- e:
		default: // a stalled client misses an event; it reloads on the next
		}
	}
}

func (s *server) closeClients() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		close(c)
		delete(s.clients, c)
	}
}

const eventsPath = "/__postes/events"

// reloadScript is injected by serve only, never written by build. It
// reloads the page after a rebuild and shows why a rebuild was refused.
const reloadScript = `<script>(()=>{const s=new EventSource("` + eventsPath + `");` +
	`s.addEventListener("reload",()=>location.reload());` +
	`s.addEventListener("problems",e=>{const p=JSON.parse(e.data);let d=document.getElementById("postes-problems");` +
	`if(!d){d=document.createElement("div");d.id="postes-problems";d.setAttribute("role","alert");` +
	`d.style.cssText="position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;background:#fff0f0;color:#5c0011;border-top:4px solid #b00020;padding:1rem;font:14px/1.5 monospace;white-space:pre-wrap;z-index:2147483647";` +
	`document.body.appendChild(d)}d.textContent="postes : modification non publiée, la dernière version valide reste affichée.\n\n"+p.join("\n")})})()</script>`

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == eventsPath {
		s.events(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	root := s.opt.Output
	name := path.Clean("/" + r.URL.Path)
	file := filepath.Join(root, filepath.FromSlash(name))
	st, err := os.Stat(file)
	if err == nil && st.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		file = filepath.Join(file, "index.html")
		_, err = os.Stat(file)
	}
	status := http.StatusOK
	if err != nil {
		file, status = filepath.Join(root, "404.html"), http.StatusNotFound
	}
	if !strings.HasSuffix(file, ".html") {
		http.ServeFile(w, r, file)
		return
	}
	data, err := os.ReadFile(file)
	if err != nil {
		data = []byte("<!DOCTYPE html><html lang=fr><title>postes</title><body><p>Pas encore de site publié : corrigez les erreurs signalées.</p></body></html>")
	}
	if i := bytes.LastIndex(data, []byte("</body>")); i >= 0 {
		data = append(data[:i:i], append([]byte(reloadScript), data[i:]...)...)
	} else {
		data = append(data, reloadScript...)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

func (s *server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan sse, 4)
	s.mu.Lock()
	s.clients[c] = true
	pending := s.problems != nil
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	fmt.Fprint(w, "retry: 1000\n\n")
	if pending {
		fmt.Fprintf(w, "event: problems\ndata: %s\n\n", s.problemsJSON())
	}
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case e, ok := <-c:
			if !ok {
				return
			}
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.event, e.data)
			fl.Flush()
		}
	}
}
