//go:build !unix

package publish

// device: unknown outside Unix; a mount point is found when renaming it
// fails.
func device(path string) (uint64, bool) { return 0, false }

// identity: unknown outside Unix; the record's path alone says which
// folder is the board.
func identity(path string) (FolderID, bool) { return FolderID{}, false }
