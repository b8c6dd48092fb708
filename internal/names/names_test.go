package names

import (
	"go/token"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestExported(t *testing.T) {
	cases := map[string]string{
		"tenant_id":                        "TenantID",
		"TenantAuditStoreOperatingSummary": "TenantAuditStoreOperatingSummary",
		"schema_base_uri":                  "SchemaBaseURI",
		"api-key":                          "APIKey",
		"HTTPServer":                       "HTTPServer",
		"2fa_enabled":                      "X2faEnabled",
		"type":                             "Type",
		"json_payload":                     "JSONPayload",
		"":                                 "X",
		"x.y z":                            "XYZ",
		"名前":                               "X名前",
		"نام_کاربر":                        "Xنامکاربر",
		"ǆungla":                           "Ǆungla",
		"ñandú":                            "Ñandú",
		"delivery_ids":                     "DeliveryIDs",
		"callback_urls":                    "CallbackURLs",
		"uuids":                            "UUIDs",
		"userIds":                          "UserIDs",
		"tenantIDs":                        "TenantIDs",
		"https_only":                       "HTTPSOnly",
		"IDS_alert":                        "IDSAlert",
		"dnss":                             "Dnss",
		"is":                               "Is",
		"ops":                              "Ops",
	}
	for in, want := range cases {
		got := Exported(in)
		assert.Equal(t, want, got, in)
		assert.True(t, token.IsExported(got) && token.IsIdentifier(got), "%q -> %q is not an exported identifier", in, got)
		assert.True(t, token.IsIdentifier(Unexported(in)), "%q -> %q", in, Unexported(in))
	}
}

func TestUnexportedAvoidsReserved(t *testing.T) {
	assert.Equal(t, "type_", Unexported("type"))
	assert.Equal(t, "string_", Unexported("string"))
	assert.Equal(t, "idValue", Unexported("id_value"))
	assert.Equal(t, "tenantID", Unexported("tenant_id"))
}

func TestValidPackage(t *testing.T) {
	assert.Empty(t, ValidPackage("cavra"))
	assert.NotEmpty(t, ValidPackage("func"))
	assert.NotEmpty(t, ValidPackage("my-pkg"))
	assert.NotEmpty(t, ValidPackage("main"))
}

func TestPluralInitialismsOfTheContract(t *testing.T) {
	n := NewNamer([]string{"SKU", "SaaS", "ETA"})
	assert.Equal(t, "SKUs", n.Exported("skus"))
	assert.Equal(t, "OrderETAs", n.Exported("order_etas"))
	// SaaS ends in S, so saass is no plural of it.
	assert.Equal(t, "Saass", n.Exported("saass"))
	// A contract initialism that is another's plural stem wins over it.
	m := NewNamer([]string{"IDS"})
	assert.Equal(t, "IDS", m.Exported("ids"))
}
