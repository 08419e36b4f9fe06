package eforms

import (
	"testing/fstest"

	"github.com/openmarches/marches/internal/eformstest"
)

// miniSDK returns the hand-written miniature SDK of internal/eformstest (a
// fresh map on each call) for the tests, benchmarks and fuzz targets.
func miniSDK() fstest.MapFS { return eformstest.MiniSDK() }

// MiniSDKFixture returns miniSDK(), for the examples of package eforms_test.
// It exists in test builds only and is not part of the API: with the real
// SDK, use LoadSDK(os.DirFS("path/to/eforms-sdk/1.15.1")).
func MiniSDKFixture() fstest.MapFS { return miniSDK() }
