module github.com/openmarches/marches

go 1.26

require (
	github.com/google/go-cmp v0.7.0 // indirect
	github.com/rickar/cal/v2 v2.1.26 // indirect
)
