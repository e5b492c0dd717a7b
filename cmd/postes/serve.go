package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"postes"
	"postes/generator/content"
	"postes/generator/message"
	"postes/generator/pipeline"
)

func cmdServe(args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("postes serve", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var opt pipeline.Options
	fset.StringVar(&opt.Source, "source", ".", "site root: config.toml, content/, templates/, static/")
	fset.StringVar(&opt.Now, "now", "", "the build's today as YYYY-MM-DD (default: today in the board's time zone)")
	port := fset.Int("port", 1313, "port to listen on (0: any free port)")
	bind := fset.String("bind", "127.0.0.1", "address to listen on")
	if err := parse(fset, args, stdout); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		// After the first Ctrl-C, a second one ends the process at once,
		// whatever serve is still waiting for.
		<-ctx.Done()
		stop()
	}()
	if err := isBoard(opt.Source); err != nil {
		return err
	}
	opt.Theme = postes.Theme
	return serve(ctx, opt, serveConfig{addr: net.JoinHostPort(*bind, strconv.Itoa(*port)), stdout: stdout, stderr: stderr})
}

// debounce is how long serve waits after the last file event before it
// rebuilds: long enough to see an editor's write-then-rename as one change,
// short enough to count little in the time from save to page. A checkout
// of many files may take two rebuilds; the last one sees every file.
const debounce = 15 * time.Millisecond

// Limits of the HTTP server. Every open connection holds a file
// descriptor, which rebuilds need too: idle keep-alive connections are
// closed, and past maxConns a new connection waits in the system's queue
// until one closes. The event stream of an open page has no read or write
// timeout but a per-event one (a stalled client is dropped).
//
// serve answers one editor's browser on a machine of theirs: a keep-alive
// connection idle for 5 s is not coming back soon, and a full table of
// idle ones (a misbehaving client, a flood) locked the editor out for a
// minute, the old idle timeout; now for 5 s at most.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 5 * time.Second
	maxConns          = 256
)

// stopWait is how long serve waits, once told to stop, for a rebuild
// under way before it leaves it behind: a rebuild may be stuck reading
// a named pipe or take minutes on a hostile file; the signal must not.
const stopWait = time.Second

// serveConfig is what serve needs besides the build's options. Zero
// limits take the defaults above; tests shorten them.
type serveConfig struct {
	addr           string
	stdout, stderr io.Writer
	// ready, if not nil, is called once the first build is done and
	// the server listens (tests listen on port 0).
	ready func(*server)

	readTimeout, writeTimeout, idleTimeout time.Duration
	maxConns                               int
}

func (c *serveConfig) defaults() {
	def := func(d *time.Duration, v time.Duration) {
		if *d == 0 {
			*d = v
		}
	}
	def(&c.readTimeout, readTimeout)
	def(&c.writeTimeout, writeTimeout)
	def(&c.idleTimeout, idleTimeout)
	if c.maxConns == 0 {
		c.maxConns = maxConns
	}
}

// server serves the last good board and tells open pages to reload.
type server struct {
	opt        pipeline.Options
	b          *pipeline.Builder // keeps what it read and wrote between rebuilds
	stdout     io.Writer
	stderr     io.Writer
	addr       string            // where it listens, host:port
	hosts      map[string]bool   // the Host headers answered; nil: any
	w          *fsnotify.Watcher // what it watches
	eventWrite time.Duration     // how long one event may take to write

	mu       sync.Mutex
	problems []string // why the last rebuild was not published; nil when fine
	clients  map[chan sse]bool
	// What the last published build said, for the panels serve adds to
	// pages: its diagnostics, in the board's language, by file.
	board boardState
}

// boardState is what the last published build told editors.
type boardState struct {
	lang  message.Lang
	diags content.List
	pages map[string]string // file → its offer's page ("offres/x/")
	stale map[string]bool   // files whose last good version is shown
}

type sse struct{ event, data string }

// change is what changed since the last rebuild: the rebuild reads only
// those files, unless full (a folder came or went, events were lost).
type change struct {
	names []string
	full  bool
}

// serve builds the board into a temporary folder, serves it on cfg.addr,
// and rebuilds on every change until ctx is done. Rebuilds run apart from
// the loop that watches files and ctx: however long one takes, or if it
// blocks, serve stops within stopWait of being told to.
func serve(ctx context.Context, opt pipeline.Options, cfg serveConfig) error {
	cfg.defaults()
	tmp, err := os.MkdirTemp("", "postes-serve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	lim := newLimitListener(ln, cfg.maxConns)
	defer lim.Close()
	opt.Output = filepath.Join(tmp, "public")
	opt.BaseURL = "http://" + ln.Addr().String() + "/"
	// A file with an error keeps its last good version on the board,
	// marked as such in the panels, while every other change is
	// published.
	opt.KeepLastGood = true
	// serve's output is its own: update it in place, file by file, so a
	// rebuild after one edit writes only what that edit changed.
	opt.InPlace = true
	s := &server{opt: opt, b: pipeline.NewBuilder(opt), stdout: cfg.stdout, stderr: cfg.stderr, clients: map[chan sse]bool{},
		addr: ln.Addr().String(), eventWrite: cfg.writeTimeout}
	s.hosts = allowedHosts(ln.Addr())

	// Watch before the first build, so that no edit made meanwhile is
	// missed.
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	s.w = w
	if err := s.watch(); err != nil {
		return err
	}

	// One rebuild at a time, in its own goroutine; changes met meanwhile
	// wait for the next.
	todo := make(chan change, 1)
	built := make(chan bool, 1)
	worker := make(chan struct{})
	go func() {
		defer close(worker)
		for c := range todo {
			if c.full {
				s.b.Hint(nil)
			} else {
				s.b.Hint(c.names)
			}
			built <- s.rebuild()
		}
	}()
	defer func() {
		s.b.Stop() // a rebuild under way ends at its next file
		close(todo)
		select {
		case <-worker:
		case <-time.After(stopWait):
			fmt.Fprintln(cfg.stderr, "postes:", say(s.lang(), message.ServeStoppedRebuilding))
		}
	}()
	stopped := func() error {
		s.closeClients()
		fmt.Fprintln(cfg.stdout, say(s.lang(), message.ServeStopped))
		return nil
	}

	todo <- change{full: true}
	select {
	case ok := <-built:
		if !ok {
			// Nothing to serve yet: show the problems until they are fixed.
			if err := os.MkdirAll(opt.Output, 0o755); err != nil {
				return err
			}
		}
	case <-ctx.Done():
		return stopped()
	}

	srv := &http.Server{Handler: s, ReadHeaderTimeout: readHeaderTimeout, ReadTimeout: cfg.readTimeout,
		WriteTimeout: cfg.writeTimeout, IdleTimeout: cfg.idleTimeout}
	go func() { _ = srv.Serve(lim) }()
	fmt.Fprintln(cfg.stdout, say(s.lang(), message.Serving, "url", opt.BaseURL))
	if cfg.ready != nil {
		cfg.ready(s)
	}

	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var next change   // changes since the last rebuild started
	building := false // a rebuild is under way
	due := false      // the debounce ran out while a rebuild was under way
	start := func() {
		todo <- next
		next, building, due = change{}, true, false
	}
	for {
		select {
		case <-ctx.Done():
			s.closeClients()
			shut, cancel := context.WithTimeout(context.Background(), stopWait)
			defer cancel()
			_ = srv.Shutdown(shut)
			return stopped()
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) && s.inputDir(ev.Name) {
				if st, err := os.Lstat(ev.Name); err == nil && st.IsDir() {
					_ = s.addTree(ev.Name) // a new folder: watch it and what it holds
					next.full = true
				}
			}
			if s.relevant(ev.Name) {
				if filepath.Ext(ev.Name) == "" {
					next.full = true // a folder removed or renamed, or a file without extension
				}
				next.names = append(next.names, ev.Name)
				timer.Reset(debounce)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			// Events may have been lost (a full queue): look at everything.
			next.full = true
			timer.Reset(debounce)
			fmt.Fprintln(cfg.stderr, "postes: watching files:", content.Printable(err.Error()))
		case <-timer.C:
			if building {
				due = true
			} else {
				start()
			}
		case ok := <-built:
			building = false
			if ok {
				s.broadcast(sse{"reload", "{}"})
			} else {
				s.broadcast(sse{"problems", s.problemsJSON()})
			}
			if due {
				start()
			}
		}
	}
}

// watch adds the site root (for config.toml) and every folder under
// content/, templates/ and static/: inputs only, never the output, a
// staging folder or any other folder a build or a tool makes beside them.
func (s *server) watch() error {
	if err := s.w.Add(s.opt.Source); err != nil {
		return err
	}
	for _, d := range inputDirs {
		if err := s.addTree(filepath.Join(s.opt.Source, d)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// inputDirs are the folders of the site root that builds read.
var inputDirs = []string{"content", "templates", "static"}

// inputDir reports whether name lies in an input folder (or is one), in
// no hidden folder: a folder serve must watch.
func (s *server) inputDir(name string) bool {
	rel, err := filepath.Rel(s.opt.Source, name)
	if err != nil {
		return false
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	if !slices.Contains(inputDirs, parts[0]) {
		return false
	}
	for _, p := range parts[1:] {
		if strings.HasPrefix(p, ".") {
			return false
		}
	}
	return true
}

// addTree watches root and every folder under it but hidden ones. It
// never opens a file: a named pipe in the tree cannot block it.
func (s *server) addTree(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return s.w.Add(p)
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

// rebuild builds the board and reports whether it was published. A file
// with an error does not stop it (its last good version stays, marked);
// what does (config.toml, a template) is shown in an overlay.
func (s *server) rebuild() bool {
	res, err := s.b.Build()
	if errors.Is(err, pipeline.ErrStopped) {
		return false // serve is stopping: nothing to say of a build it ended
	}
	lang := s.lang()
	if res != nil {
		lang = res.Lang
		stale := map[string]bool{}
		for _, p := range res.Stale {
			stale[p] = true
		}
		for _, d := range res.Diags {
			line := diagLine(lang, d)
			if stale[d.Pos.Path] && d.Severity == content.Error {
				line += " (" + say(lang, message.ServePrevious) + ")"
			}
			fmt.Fprintln(s.stderr, line)
		}
	}
	if err != nil {
		msg := sayErr(err)
		fmt.Fprintln(s.stderr, "postes:", msg)
		fmt.Fprintln(s.stderr, "postes:", say(lang, message.ServeNotPublished))
		var msgs []string
		if res != nil {
			for _, d := range res.Diags {
				if d.Severity == content.Error {
					msgs = append(msgs, diagLine(lang, d))
				}
			}
		}
		s.mu.Lock()
		s.problems = append(msgs, msg)
		s.board.lang = lang
		s.mu.Unlock()
		return false
	}
	fmt.Fprintln(s.stdout, res.Summary())
	st := boardState{lang: res.Lang, diags: res.Diags, pages: res.Pages, stale: map[string]bool{}}
	for _, p := range res.Stale {
		st.stale[p] = true
	}
	s.mu.Lock()
	s.problems = nil
	s.board = st
	s.mu.Unlock()
	return true
}

// lang is the language of the board served, French until it is known.
func (s *server) lang() message.Lang {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.board.lang == "" {
		return message.French
	}
	return s.board.lang
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

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.hosts != nil && !s.hosts[strings.ToLower(r.Host)] {
		// Bound to loopback, serve answers only to the names of
		// loopback: a page of another site whose name was made to
		// point here (DNS rebinding) must not read the board or its
		// event stream.
		http.Error(w, "misdirected request: this server answers only to "+s.addr, http.StatusMisdirectedRequest)
		return
	}
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
	if strings.ContainsRune(name, '\\') {
		http.NotFound(w, r) // no file of a board has one; "/\\host" is "//host" to browsers
		return
	}
	file := filepath.Join(root, filepath.FromSlash(name))
	st, err := os.Stat(file)
	if err == nil && st.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			// To the folder as found, a path on this server: never the
			// path as asked, which "//other.example/..%2ffolder" makes
			// an address on another site.
			u := url.URL{Path: strings.TrimSuffix(name, "/") + "/", RawQuery: r.URL.RawQuery}
			w.Header().Set("Location", u.String())
			w.WriteHeader(http.StatusMovedPermanently)
			return
		}
		file = filepath.Join(file, "index.html")
		st, err = os.Stat(file)
	}
	if err == nil && !st.Mode().IsRegular() {
		err = fs.ErrNotExist // a named pipe would block the reader: serve files only
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
		data = []byte("<!DOCTYPE html><html lang=" + string(s.lang()) + "><title>postes</title><body><p>" +
			html.EscapeString(say(s.lang(), message.ServeFirstBuild)) + "</p></body></html>")
	}
	data = s.inject(data, name)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// allowedHosts lists the Host headers a server listening on addr
// answers: when it listens on loopback only, the loopback names with its
// port; nil (any) when it listens on other interfaces, whose names postes
// cannot know.
func allowedHosts(addr net.Addr) map[string]bool {
	ta, ok := addr.(*net.TCPAddr)
	if !ok || !ta.IP.IsLoopback() {
		return nil
	}
	port := strconv.Itoa(ta.Port)
	hosts := map[string]bool{}
	for _, h := range []string{"localhost", "127.0.0.1", "[::1]"} {
		hosts[h+":"+port] = true
		if port == "80" {
			hosts[h] = true // browsers leave the default port out
		}
	}
	return hosts
}

func (s *server) events(w http.ResponseWriter, r *http.Request) {
	// The stream lasts as long as its page: not the server's write
	// timeout on the whole exchange, but one on each event written (a
	// client that stopped reading is dropped). Reading has no deadline
	// once a handler runs.
	rc := http.NewResponseController(w)
	send := func(format string, args ...any) bool {
		_ = rc.SetWriteDeadline(time.Now().Add(s.eventWrite))
		fmt.Fprintf(w, format, args...)
		return rc.Flush() == nil
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
	msg := "retry: 1000\n\n"
	if pending {
		msg += "event: problems\ndata: " + s.problemsJSON() + "\n\n"
	}
	if !send("%s", msg) {
		return
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case e, ok := <-c:
			if !ok {
				return
			}
			if !send("event: %s\ndata: %s\n\n", e.event, e.data) {
				return
			}
		}
	}
}

// limitListener accepts at most n connections at once; the next waits in
// the system's queue until one closes.
type limitListener struct {
	net.Listener
	sem  chan struct{}
	done chan struct{}
	once sync.Once
}

func newLimitListener(l net.Listener, n int) *limitListener {
	return &limitListener{Listener: l, sem: make(chan struct{}, n), done: make(chan struct{})}
}

func (l *limitListener) Accept() (net.Conn, error) {
	select {
	case l.sem <- struct{}{}:
	case <-l.done:
		return nil, net.ErrClosed
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.sem
		return nil, err
	}
	return &limitConn{Conn: c, release: func() { <-l.sem }}, nil
}

func (l *limitListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return l.Listener.Close()
}

type limitConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
