module postes

go 1.26.0

require golang.org/x/text v0.44.0

require (
	github.com/BurntSushi/toml v1.6.0 // indirect
	github.com/google/go-cmp v0.7.0 // indirect
)
