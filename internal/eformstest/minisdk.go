// Package eformstest holds test fixtures shared by the tests of
// procurement/eforms and cmd/marches. It is not API.
package eformstest

import "testing/fstest"

// MiniSDK returns a miniature eForms SDK as an in-memory file system, for
// the tests, benchmarks, fuzz targets and examples of eforms.Check and of
// the CLI (LoadSDK takes an fs.FS, so no directory is needed). Each call returns a new map whose
// files the caller may edit or delete.
//
// This is a hand-written miniature, a test fixture, not SDK files: it
// follows the layout of the eForms SDK 1.15.1 of the Publications Office
// of the EU and has a dozen fields of a contract notice (subtype 16; 21
// with their attribute fields) whose ids, XPaths and parent nodes are
// those of SDK 1.15.1, but with a made-up version string
// ("eforms-sdk-mini"), simplified date patterns and conditions, a few code
// lists cut down to a few codes with made-up labels, and a one-rule
// stage-3b Schematron (the real rule id, three CPV codes). It must not be
// used to validate notices. It lives in Go constants rather than in
// testdata/ because the official SDK's files, and files that look like
// them, are kept out of the repository.
//
// The notice that goes with it is procurement/eforms/testdata/check_mini_cn16.xml.
func MiniSDK() fstest.MapFS {
	return fstest.MapFS{
		"fields/fields.json":                         {Data: []byte(miniFieldsJSON)},
		"notice-types/notice-types.json":             {Data: []byte(miniNoticeTypesJSON)},
		"codelists/codelists.json":                   {Data: []byte(miniCodelistsJSON)},
		"codelists/contract-nature.gc":               {Data: []byte(miniContractNatureGC)},
		"codelists/notice-subtype.gc":                {Data: []byte(miniNoticeSubtypeGC)},
		"codelists/procurement-procedure-type.gc":    {Data: []byte(miniProcedureTypeGC)},
		"schematrons/static/validation-stage-3b.sch": {Data: []byte(miniStage3bSch)},
	}
}

// The files of the miniature SDK, byte for byte.

// miniFieldsJSON is fields/fields.json.
const miniFieldsJSON = `{
 "ublVersion": "2.3",
 "sdkVersion": "eforms-sdk-mini",
 "xmlStructure": [
  {
   "id": "ND-Root",
   "xpathAbsolute": "/*",
   "xpathRelative": "/*",
   "repeatable": false
  },
  {
   "id": "ND-RootExtension",
   "xpathAbsolute": "/*/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension",
   "xpathRelative": "ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension",
   "repeatable": false,
   "parentId": "ND-Root"
  },
  {
   "id": "ND-Organizations",
   "xpathAbsolute": "/*/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension/efac:Organizations",
   "xpathRelative": "efac:Organizations",
   "repeatable": false,
   "parentId": "ND-RootExtension"
  },
  {
   "id": "ND-Organization",
   "xpathAbsolute": "/*/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension/efac:Organizations/efac:Organization",
   "xpathRelative": "efac:Organization",
   "repeatable": true,
   "parentId": "ND-Organizations",
   "identifierFieldId": "OPT-200-Organization-Company"
  },
  {
   "id": "ND-Company",
   "xpathAbsolute": "/*/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension/efac:Organizations/efac:Organization/efac:Company",
   "xpathRelative": "efac:Company",
   "repeatable": false,
   "parentId": "ND-Organization"
  },
  {
   "id": "ND-ContractingParty",
   "xpathAbsolute": "/*/cac:ContractingParty",
   "xpathRelative": "cac:ContractingParty",
   "repeatable": true,
   "parentId": "ND-Root",
   "identifierFieldId": "OPT-300-Procedure-Buyer"
  },
  {
   "id": "ND-Buyer",
   "xpathAbsolute": "/*/cac:ContractingParty/cac:Party",
   "xpathRelative": "cac:Party",
   "repeatable": false,
   "parentId": "ND-ContractingParty"
  },
  {
   "id": "ND-ProcedureTenderingProcess",
   "xpathAbsolute": "/*/cac:TenderingProcess",
   "xpathRelative": "cac:TenderingProcess",
   "repeatable": false,
   "parentId": "ND-Root"
  },
  {
   "id": "ND-Lot",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']",
   "xpathRelative": "cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']",
   "repeatable": true,
   "parentId": "ND-Root",
   "identifierFieldId": "BT-137-Lot"
  },
  {
   "id": "ND-LotProcurementScope",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:ProcurementProject",
   "xpathRelative": "cac:ProcurementProject",
   "repeatable": false,
   "parentId": "ND-Lot"
  },
  {
   "id": "ND-LotMainClassification",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:ProcurementProject/cac:MainCommodityClassification",
   "xpathRelative": "cac:MainCommodityClassification",
   "repeatable": false,
   "parentId": "ND-LotProcurementScope"
  },
  {
   "id": "ND-LotTenderingProcess",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:TenderingProcess",
   "xpathRelative": "cac:TenderingProcess",
   "repeatable": false,
   "parentId": "ND-Lot"
  },
  {
   "id": "ND-SubmissionDeadline",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:TenderingProcess/cac:TenderSubmissionDeadlinePeriod",
   "xpathRelative": "cac:TenderSubmissionDeadlinePeriod",
   "repeatable": false,
   "parentId": "ND-LotTenderingProcess"
  },
  {
   "id": "ND-ParticipationRequestPeriod",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:TenderingProcess/cac:ParticipationRequestReceptionPeriod",
   "xpathRelative": "cac:ParticipationRequestReceptionPeriod",
   "repeatable": false,
   "parentId": "ND-LotTenderingProcess"
  },
  {
   "id": "ND-FA",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:TenderingProcess/cac:FrameworkAgreement",
   "xpathRelative": "cac:FrameworkAgreement",
   "repeatable": false,
   "parentId": "ND-LotTenderingProcess"
  },
  {
   "id": "ND-LotTenderingTerms",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:TenderingTerms",
   "xpathRelative": "cac:TenderingTerms",
   "repeatable": false,
   "parentId": "ND-Lot"
  },
  {
   "id": "ND-LotSubmissionLanguage",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:TenderingTerms/cac:Language",
   "xpathRelative": "cac:Language",
   "repeatable": true,
   "parentId": "ND-LotTenderingTerms"
  }
 ],
 "fields": [
  {
   "id": "OPP-070-notice",
   "parentNodeId": "ND-RootExtension",
   "name": "Notice Subtype",
   "btId": "OPP-070",
   "xpathAbsolute": "/*/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension/efac:NoticeSubType/cbc:SubTypeCode",
   "xpathRelative": "efac:NoticeSubType/cbc:SubTypeCode",
   "type": "code",
   "mandatory": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "16",
       "29"
      ],
      "value": true,
      "severity": "ERROR"
     }
    ]
   },
   "codeList": {
    "value": {
     "id": "notice-subtype",
     "type": "flat"
    },
    "severity": "ERROR"
   },
   "attributes": [
    "OPP-070-notice-List"
   ]
  },
  {
   "id": "OPP-070-notice-List",
   "parentNodeId": "ND-RootExtension",
   "name": "Notice Subtype Listname",
   "btId": "OPP-070",
   "xpathAbsolute": "/*/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension/efac:NoticeSubType/cbc:SubTypeCode/@listName",
   "xpathRelative": "efac:NoticeSubType/cbc:SubTypeCode/@listName",
   "type": "text",
   "attributeName": "listName",
   "attributeOf": "OPP-070-notice",
   "presetValue": "notice-subtype"
  },
  {
   "id": "BT-02-notice",
   "parentNodeId": "ND-Root",
   "name": "Notice Type",
   "btId": "BT-02",
   "xpathAbsolute": "/*/cbc:NoticeTypeCode",
   "xpathRelative": "cbc:NoticeTypeCode",
   "type": "code",
   "mandatory": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "16",
       "29"
      ],
      "value": true,
      "severity": "ERROR"
     }
    ]
   },
   "attributes": [
    "BT-03-notice"
   ]
  },
  {
   "id": "BT-03-notice",
   "parentNodeId": "ND-Root",
   "name": "Form Type",
   "btId": "BT-03",
   "xpathAbsolute": "/*/cbc:NoticeTypeCode/@listName",
   "xpathRelative": "cbc:NoticeTypeCode/@listName",
   "type": "text",
   "attributeName": "listName",
   "attributeOf": "BT-02-notice",
   "mandatory": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "16",
       "29"
      ],
      "value": true,
      "severity": "ERROR"
     }
    ]
   }
  },
  {
   "id": "BT-701-notice",
   "parentNodeId": "ND-Root",
   "name": "Notice Identifier",
   "btId": "BT-701",
   "xpathAbsolute": "/*/cbc:ID[@schemeName='notice-id']",
   "xpathRelative": "cbc:ID[@schemeName='notice-id']",
   "type": "id",
   "mandatory": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "16",
       "29"
      ],
      "value": true,
      "severity": "ERROR"
     }
    ]
   },
   "pattern": {
    "value": "^[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}$",
    "severity": "ERROR"
   }
  },
  {
   "id": "BT-105-Procedure",
   "parentNodeId": "ND-ProcedureTenderingProcess",
   "name": "Procedure Type",
   "btId": "BT-105",
   "xpathAbsolute": "/*/cac:TenderingProcess/cbc:ProcedureCode",
   "xpathRelative": "cbc:ProcedureCode",
   "type": "code",
   "mandatory": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "16",
       "29"
      ],
      "value": true,
      "severity": "ERROR"
     }
    ]
   },
   "codeList": {
    "value": {
     "id": "procurement-procedure-type",
     "type": "flat"
    },
    "severity": "ERROR"
   },
   "attributes": [
    "BT-105-Procedure-List"
   ]
  },
  {
   "id": "BT-105-Procedure-List",
   "parentNodeId": "ND-ProcedureTenderingProcess",
   "name": "Procedure Type Listname",
   "btId": "BT-105",
   "xpathAbsolute": "/*/cac:TenderingProcess/cbc:ProcedureCode/@listName",
   "xpathRelative": "cbc:ProcedureCode/@listName",
   "type": "text",
   "attributeName": "listName",
   "attributeOf": "BT-105-Procedure",
   "presetValue": "procurement-procedure-type"
  },
  {
   "id": "OPT-200-Organization-Company",
   "parentNodeId": "ND-Company",
   "name": "Organisation Technical Identifier",
   "btId": "OPT-200",
   "xpathAbsolute": "/*/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension/efac:Organizations/efac:Organization/efac:Company/cac:PartyIdentification/cbc:ID",
   "xpathRelative": "cac:PartyIdentification/cbc:ID",
   "type": "id",
   "idScheme": "ORG",
   "schemeName": "organization",
   "mandatory": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "16",
       "29"
      ],
      "value": true,
      "severity": "ERROR"
     }
    ]
   },
   "pattern": {
    "value": "^ORG-[0-9]{4}$",
    "severity": "ERROR"
   },
   "attributes": [
    "OPT-200-Organization-Company-Scheme"
   ]
  },
  {
   "id": "OPT-200-Organization-Company-Scheme",
   "parentNodeId": "ND-Company",
   "name": "Organisation Technical Identifier Scheme",
   "btId": "OPT-200",
   "xpathAbsolute": "/*/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension/efac:Organizations/efac:Organization/efac:Company/cac:PartyIdentification/cbc:ID/@schemeName",
   "xpathRelative": "cac:PartyIdentification/cbc:ID/@schemeName",
   "type": "text",
   "attributeName": "schemeName",
   "attributeOf": "OPT-200-Organization-Company",
   "presetValue": "organization"
  },
  {
   "id": "BT-500-Organization-Company",
   "parentNodeId": "ND-Company",
   "name": "Organisation Name",
   "btId": "BT-500",
   "xpathAbsolute": "/*/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension/efac:Organizations/efac:Organization/efac:Company/cac:PartyName/cbc:Name",
   "xpathRelative": "cac:PartyName/cbc:Name",
   "type": "text-multilingual",
   "maxLength": 400,
   "mandatory": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "16",
       "29"
      ],
      "value": true,
      "severity": "ERROR"
     }
    ]
   }
  },
  {
   "id": "OPT-300-Procedure-Buyer",
   "parentNodeId": "ND-Buyer",
   "name": "Buyer Technical Identifier Reference",
   "btId": "OPT-300",
   "xpathAbsolute": "/*/cac:ContractingParty/cac:Party/cac:PartyIdentification/cbc:ID",
   "xpathRelative": "cac:PartyIdentification/cbc:ID",
   "type": "id-ref",
   "idSchemes": [
    "ORG"
   ],
   "referencedBusinessEntityIds": [
    "Organisation"
   ],
   "mandatory": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "16",
       "29"
      ],
      "value": true,
      "severity": "ERROR"
     }
    ]
   },
   "pattern": {
    "value": "^ORG-[0-9]{4}$",
    "severity": "ERROR"
   }
  },
  {
   "id": "BT-137-Lot",
   "parentNodeId": "ND-Lot",
   "name": "Purpose Lot Identifier",
   "btId": "BT-137",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cbc:ID",
   "xpathRelative": "cbc:ID",
   "type": "id",
   "idScheme": "LOT",
   "schemeName": "Lot",
   "mandatory": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "16",
       "29"
      ],
      "value": true,
      "severity": "ERROR"
     }
    ]
   },
   "pattern": {
    "value": "^LOT-[0-9]{4}$",
    "severity": "ERROR"
   },
   "attributes": [
    "BT-137-Lot-Scheme"
   ]
  },
  {
   "id": "BT-137-Lot-Scheme",
   "parentNodeId": "ND-Lot",
   "name": "Purpose Lot Identifier Scheme",
   "btId": "BT-137",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cbc:ID/@schemeName",
   "xpathRelative": "cbc:ID/@schemeName",
   "type": "text",
   "attributeName": "schemeName",
   "attributeOf": "BT-137-Lot",
   "presetValue": "Lot"
  },
  {
   "id": "BT-21-Lot",
   "parentNodeId": "ND-LotProcurementScope",
   "name": "Title",
   "btId": "BT-21",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:ProcurementProject/cbc:Name",
   "xpathRelative": "cbc:Name",
   "type": "text-multilingual",
   "maxLength": 400,
   "mandatory": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "16",
       "29"
      ],
      "value": true,
      "severity": "ERROR"
     }
    ]
   }
  },
  {
   "id": "BT-23-Lot",
   "parentNodeId": "ND-LotProcurementScope",
   "name": "Main Nature",
   "btId": "BT-23",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:ProcurementProject/cbc:ProcurementTypeCode[@listName='contract-nature']",
   "xpathRelative": "cbc:ProcurementTypeCode[@listName='contract-nature']",
   "type": "code",
   "mandatory": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "16",
       "29"
      ],
      "value": true,
      "severity": "ERROR"
     }
    ]
   },
   "codeList": {
    "value": {
     "id": "contract-nature",
     "type": "flat"
    },
    "severity": "ERROR"
   },
   "attributes": [
    "BT-23-Lot-List"
   ]
  },
  {
   "id": "BT-23-Lot-List",
   "parentNodeId": "ND-LotProcurementScope",
   "name": "Main Nature Listname",
   "btId": "BT-23",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:ProcurementProject/cbc:ProcurementTypeCode[@listName='contract-nature']/@listName",
   "xpathRelative": "cbc:ProcurementTypeCode[@listName='contract-nature']/@listName",
   "type": "text",
   "attributeName": "listName",
   "attributeOf": "BT-23-Lot",
   "presetValue": "contract-nature"
  },
  {
   "id": "BT-262-Lot",
   "parentNodeId": "ND-LotMainClassification",
   "name": "Main Classification Code",
   "btId": "BT-262",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:ProcurementProject/cac:MainCommodityClassification/cbc:ItemClassificationCode",
   "xpathRelative": "cbc:ItemClassificationCode",
   "type": "code",
   "mandatory": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "16",
       "29"
      ],
      "value": true,
      "severity": "ERROR"
     }
    ]
   },
   "codeList": {
    "value": {
     "id": "cpv",
     "type": "hierarchical"
    },
    "severity": "ERROR"
   }
  },
  {
   "id": "BT-131(d)-Lot",
   "parentNodeId": "ND-SubmissionDeadline",
   "name": "Deadline Receipt Tenders",
   "btId": "BT-131",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:TenderingProcess/cac:TenderSubmissionDeadlinePeriod/cbc:EndDate",
   "xpathRelative": "cbc:EndDate",
   "type": "date",
   "pattern": {
    "value": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(Z|[-+][0-9]{2}:[0-9]{2})$",
    "severity": "ERROR"
   },
   "mandatory": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "16"
      ],
      "value": true,
      "severity": "ERROR",
      "condition": "{ND-LotTenderingProcess} ${not(BT-105-Procedure not in ('open','oth-single'))}"
     }
    ]
   },
   "forbidden": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "29"
      ],
      "value": true,
      "severity": "ERROR"
     },
     {
      "noticeTypes": [
       "16"
      ],
      "value": true,
      "severity": "ERROR",
      "condition": "{ND-LotTenderingProcess} ${BT-105-Procedure not in ('open','oth-single')}"
     }
    ]
   }
  },
  {
   "id": "BT-1311(d)-Lot",
   "parentNodeId": "ND-ParticipationRequestPeriod",
   "name": "Deadline Receipt Requests",
   "btId": "BT-1311",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:TenderingProcess/cac:ParticipationRequestReceptionPeriod/cbc:EndDate",
   "xpathRelative": "cbc:EndDate",
   "type": "date",
   "pattern": {
    "value": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(Z|[-+][0-9]{2}:[0-9]{2})$",
    "severity": "ERROR"
   },
   "mandatory": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "16"
      ],
      "value": true,
      "severity": "ERROR",
      "condition": "{ND-LotTenderingProcess} ${BT-105-Procedure in ('restricted','neg-w-call')}"
     }
    ]
   },
   "forbidden": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "29"
      ],
      "value": true,
      "severity": "ERROR"
     },
     {
      "noticeTypes": [
       "16"
      ],
      "value": true,
      "severity": "ERROR",
      "condition": "{ND-LotTenderingProcess} ${BT-105-Procedure == 'open'}"
     }
    ]
   }
  },
  {
   "id": "BT-109-Lot",
   "parentNodeId": "ND-FA",
   "name": "Framework Duration Justification",
   "btId": "BT-109",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:TenderingProcess/cac:FrameworkAgreement/cbc:Justification",
   "xpathRelative": "cbc:Justification",
   "type": "text-multilingual",
   "maxLength": 6000,
   "mandatory": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "16"
      ],
      "value": true,
      "severity": "ERROR",
      "condition": "{ND-LotTenderingProcess} ${(BT-537-Lot - BT-536-Lot) > P4Y}"
     }
    ]
   }
  },
  {
   "id": "BT-97-Lot",
   "parentNodeId": "ND-LotSubmissionLanguage",
   "name": "Submission Language",
   "btId": "BT-97",
   "xpathAbsolute": "/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:TenderingTerms/cac:Language/cbc:ID",
   "xpathRelative": "cbc:ID",
   "type": "code",
   "mandatory": {
    "value": false,
    "severity": "ERROR",
    "constraints": [
     {
      "noticeTypes": [
       "16"
      ],
      "value": true,
      "severity": "ERROR"
     }
    ]
   }
  }
 ]
}`

// miniNoticeTypesJSON is notice-types/notice-types.json.
const miniNoticeTypesJSON = `{
  "sdkVersion": "eforms-sdk-mini",
  "noticeSubTypes": [
    {"documentType": "CN", "legalBasis": "32014L0024", "formType": "competition", "type": "cn-standard", "subTypeId": "16"},
    {"documentType": "CAN", "legalBasis": "32014L0024", "formType": "result", "type": "can-standard", "subTypeId": "29"}
  ],
  "documentTypes": [
    {"id": "CN", "namespace": "urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2", "rootElement": "ContractNotice",
     "additionalNamespaces": [
      {"prefix": "cac", "uri": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"},
      {"prefix": "cbc", "uri": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"},
      {"prefix": "ext", "uri": "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"},
      {"prefix": "efext", "uri": "http://data.europa.eu/p27/eforms-ubl-extensions/1"},
      {"prefix": "efac", "uri": "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1"},
      {"prefix": "efbc", "uri": "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1"}]},
    {"id": "CAN", "namespace": "urn:oasis:names:specification:ubl:schema:xsd:ContractAwardNotice-2", "rootElement": "ContractAwardNotice",
     "additionalNamespaces": [
      {"prefix": "cac", "uri": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"},
      {"prefix": "cbc", "uri": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"},
      {"prefix": "ext", "uri": "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"},
      {"prefix": "efext", "uri": "http://data.europa.eu/p27/eforms-ubl-extensions/1"},
      {"prefix": "efac", "uri": "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1"},
      {"prefix": "efbc", "uri": "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1"}]}
  ]
}
`

// miniCodelistsJSON is codelists/codelists.json.
const miniCodelistsJSON = `{
  "sdkVersion": "eforms-sdk-mini",
  "codelists": [
    {"id": "notice-subtype", "filename": "notice-subtype.gc"},
    {"id": "contract-nature", "filename": "contract-nature.gc"},
    {"id": "procurement-procedure-type", "filename": "procurement-procedure-type.gc"},
    {"id": "cpv", "filename": "cpv.gc"}
  ]
}
`

// miniContractNatureGC is codelists/contract-nature.gc.
const miniContractNatureGC = `<?xml version="1.0" encoding="UTF-8"?>
<gc:CodeList xmlns:gc="http://docs.oasis-open.org/codelist/ns/genericode/1.0/">
  <Identification><ShortName>contract-nature</ShortName></Identification>
  <ColumnSet><Column Id="code" Use="required"/><Column Id="Name" Use="optional"/></ColumnSet>
  <SimpleCodeList>
    <Row><Value ColumnRef="code"><SimpleValue>works</SimpleValue></Value><Value ColumnRef="Name"><SimpleValue>label of works</SimpleValue></Value></Row>
    <Row><Value ColumnRef="code"><SimpleValue>supplies</SimpleValue></Value><Value ColumnRef="Name"><SimpleValue>label of supplies</SimpleValue></Value></Row>
    <Row><Value ColumnRef="code"><SimpleValue>services</SimpleValue></Value><Value ColumnRef="Name"><SimpleValue>label of services</SimpleValue></Value></Row>
  </SimpleCodeList>
</gc:CodeList>
`

// miniNoticeSubtypeGC is codelists/notice-subtype.gc.
const miniNoticeSubtypeGC = `<?xml version="1.0" encoding="UTF-8"?>
<gc:CodeList xmlns:gc="http://docs.oasis-open.org/codelist/ns/genericode/1.0/">
  <Identification><ShortName>notice-subtype</ShortName></Identification>
  <ColumnSet><Column Id="code" Use="required"/><Column Id="Name" Use="optional"/></ColumnSet>
  <SimpleCodeList>
    <Row><Value ColumnRef="code"><SimpleValue>16</SimpleValue></Value><Value ColumnRef="Name"><SimpleValue>label of 16</SimpleValue></Value></Row>
    <Row><Value ColumnRef="code"><SimpleValue>29</SimpleValue></Value><Value ColumnRef="Name"><SimpleValue>label of 29</SimpleValue></Value></Row>
  </SimpleCodeList>
</gc:CodeList>
`

// miniProcedureTypeGC is codelists/procurement-procedure-type.gc.
const miniProcedureTypeGC = `<?xml version="1.0" encoding="UTF-8"?>
<gc:CodeList xmlns:gc="http://docs.oasis-open.org/codelist/ns/genericode/1.0/">
  <Identification><ShortName>procurement-procedure-type</ShortName></Identification>
  <ColumnSet><Column Id="code" Use="required"/><Column Id="Name" Use="optional"/></ColumnSet>
  <SimpleCodeList>
    <Row><Value ColumnRef="code"><SimpleValue>open</SimpleValue></Value><Value ColumnRef="Name"><SimpleValue>label of open</SimpleValue></Value></Row>
    <Row><Value ColumnRef="code"><SimpleValue>restricted</SimpleValue></Value><Value ColumnRef="Name"><SimpleValue>label of restricted</SimpleValue></Value></Row>
    <Row><Value ColumnRef="code"><SimpleValue>neg-w-call</SimpleValue></Value><Value ColumnRef="Name"><SimpleValue>label of neg-w-call</SimpleValue></Value></Row>
  </SimpleCodeList>
</gc:CodeList>
`

// miniStage3bSch is schematrons/static/validation-stage-3b.sch.
const miniStage3bSch = `<?xml version="1.0" encoding="UTF-8" ?>
<!-- Hand-written for the tests of Check: the shape of the SDK's stage-3b
     code list rules (list written inline), with a few CPV codes only. -->
<pattern id="EFORMS-validation-stage-3b" xmlns="http://purl.oclc.org/dsdl/schematron">
	<rule context="/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:ProcurementProject/cac:MainCommodityClassification/cbc:ItemClassificationCode">
		<assert id="BR-BT-00262-0155" role="ERROR" test="normalize-space(.) = ('45000000', '45210000', '72000000')">rule|text|BR-BT-00262-0155</assert>
	</rule>
</pattern>
`
