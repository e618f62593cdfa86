package helm

import (
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors/chain"
)

// Every interceptor section a server's policy can have is accepted in the
// chart's values: a new interceptor added to chain must be added here too.
func TestSchemaAcceptsEverySection(t *testing.T) {
	b, err := os.ReadFile("../../manifests/helm/mcpmesh/values.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Properties struct {
			Servers struct {
				Items struct {
					Properties struct {
						Policy struct {
							PropertyNames struct {
								Enum []string `json:"enum"`
							} `json:"propertyNames"`
						} `json:"policy"`
					} `json:"properties"`
				} `json:"items"`
			} `json:"servers"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	allowed := schema.Properties.Servers.Items.Properties.Policy.PropertyNames.Enum
	for _, k := range chain.Sections {
		if !slices.Contains(allowed, k) {
			t.Errorf("servers[].policy does not accept %q (a section of chain.Sections)", k)
		}
	}
}
