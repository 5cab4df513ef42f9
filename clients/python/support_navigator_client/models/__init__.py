"""Contains all the data models used in inputs/outputs"""

from .admin_list_audit_entity_type_type_0 import AdminListAuditEntityTypeType0
from .application import Application
from .application_mode import ApplicationMode
from .audit_event_public import AuditEventPublic
from .audit_event_public_after_type_0 import AuditEventPublicAfterType0
from .audit_event_public_before_type_0 import AuditEventPublicBeforeType0
from .audit_page import AuditPage
from .counted_value import CountedValue
from .coverage_axis import CoverageAxis
from .coverage_cell import CoverageCell
from .coverage_report import CoverageReport
from .coverage_report_location_item import CoverageReportLocationItem
from .demand_cell import DemandCell
from .demand_report import DemandReport
from .demand_report_location_item import DemandReportLocationItem
from .facet_count import FacetCount
from .field_problem import FieldProblem
from .follow_up_out import FollowUpOut
from .front_door_out import FrontDoorOut
from .get_coverage_format_type_0 import GetCoverageFormatType0
from .get_coverage_location_item import GetCoverageLocationItem
from .get_coverage_svg_location_item import GetCoverageSvgLocationItem
from .get_demand_format_type_0 import GetDemandFormatType0
from .get_demand_location_item import GetDemandLocationItem
from .get_offer_facets_cost_item import GetOfferFacetsCostItem
from .get_offer_facets_kind_item import GetOfferFacetsKindItem
from .get_offer_facets_location_item import GetOfferFacetsLocationItem
from .get_offer_facets_organisation_type_item import GetOfferFacetsOrganisationTypeItem
from .get_offer_facets_status_item import GetOfferFacetsStatusItem
from .get_organization_response_200 import GetOrganizationResponse200
from .get_problem_type_slug import GetProblemTypeSlug
from .get_service_at_location_response_200 import GetServiceAtLocationResponse200
from .get_service_response_200 import GetServiceResponse200
from .get_taxonomy_response_200 import GetTaxonomyResponse200
from .get_taxonomy_term_response_200 import GetTaxonomyTermResponse200
from .health import Health
from .hsds_openapi_response_hsds_openapi import HsdsOpenapiResponseHsdsOpenapi
from .hsds_root_response_hsds_root import HsdsRootResponseHsdsRoot
from .index import Index
from .index_endpoints import IndexEndpoints
from .inference_out import InferenceOut
from .intake_option import IntakeOption
from .intake_option_implies import IntakeOptionImplies
from .intake_profile import IntakeProfile
from .intake_profile_location_type_0 import IntakeProfileLocationType0
from .intake_profile_organisation_type_type_0 import IntakeProfileOrganisationTypeType0
from .intake_question import IntakeQuestion
from .intake_question_kind import IntakeQuestionKind
from .intake_questions import IntakeQuestions
from .intake_request import IntakeRequest
from .intake_request_answers import IntakeRequestAnswers
from .intake_request_location_type_0 import IntakeRequestLocationType0
from .intake_request_organisation_type_type_0 import IntakeRequestOrganisationTypeType0
from .intake_response import IntakeResponse
from .key_create import KeyCreate
from .key_create_role import KeyCreateRole
from .key_created import KeyCreated
from .key_created_role import KeyCreatedRole
from .key_list import KeyList
from .key_public import KeyPublic
from .key_public_role import KeyPublicRole
from .keyword_need import KeywordNeed
from .list_locations_format_type_0 import ListLocationsFormatType0
from .list_needs_format_type_0 import ListNeedsFormatType0
from .list_offers_cost_item import ListOffersCostItem
from .list_offers_format_type_0 import ListOffersFormatType0
from .list_offers_kind_item import ListOffersKindItem
from .list_offers_location_item import ListOffersLocationItem
from .list_offers_organisation_type_item import ListOffersOrganisationTypeItem
from .list_offers_sort_type_0 import ListOffersSortType0
from .list_offers_status_item import ListOffersStatusItem
from .list_organisation_types_format_type_0 import ListOrganisationTypesFormatType0
from .list_organizations_format import ListOrganizationsFormat
from .list_organizations_response_200 import ListOrganizationsResponse200
from .list_provider_kinds_format_type_0 import ListProviderKindsFormatType0
from .list_providers_format_type_0 import ListProvidersFormatType0
from .list_sectors_format_type_0 import ListSectorsFormatType0
from .list_service_at_locations_format import ListServiceAtLocationsFormat
from .list_service_at_locations_response_200 import ListServiceAtLocationsResponse200
from .list_services_format import ListServicesFormat
from .list_services_response_200 import ListServicesResponse200
from .list_stages_format_type_0 import ListStagesFormatType0
from .list_taxonomies_format import ListTaxonomiesFormat
from .list_taxonomies_response_200 import ListTaxonomiesResponse200
from .list_taxonomy_terms_format import ListTaxonomyTermsFormat
from .list_taxonomy_terms_response_200 import ListTaxonomyTermsResponse200
from .location_public import LocationPublic
from .locations_response import LocationsResponse
from .match_get_explain import MatchGetExplain
from .match_get_location_type_0 import MatchGetLocationType0
from .match_get_organisation_type_type_0 import MatchGetOrganisationTypeType0
from .match_request import MatchRequest
from .match_request_explain import MatchRequestExplain
from .match_request_location_type_0 import MatchRequestLocationType0
from .match_request_organisation_type_type_0 import MatchRequestOrganisationTypeType0
from .match_response import MatchResponse
from .match_result import MatchResult
from .match_result_components_type_0 import MatchResultComponentsType0
from .matched_offer import MatchedOffer
from .near_miss_out import NearMissOut
from .need_create import NeedCreate
from .need_created import NeedCreated
from .need_facet import NeedFacet
from .need_public import NeedPublic
from .needs_response import NeedsResponse
from .offer_create import OfferCreate
from .offer_create_cost import OfferCreateCost
from .offer_create_kind import OfferCreateKind
from .offer_create_status import OfferCreateStatus
from .offer_facets import OfferFacets
from .offer_page import OfferPage
from .offer_public import OfferPublic
from .offer_public_cost import OfferPublicCost
from .offer_public_kind import OfferPublicKind
from .offer_public_status import OfferPublicStatus
from .offer_record import OfferRecord
from .offer_update import OfferUpdate
from .offer_update_cost_type_0 import OfferUpdateCostType0
from .offer_update_kind_type_0 import OfferUpdateKindType0
from .offer_update_status_type_0 import OfferUpdateStatusType0
from .page_citation import PageCitation
from .page_links import PageLinks
from .pathway_body import PathwayBody
from .pathway_body_location_type_0 import PathwayBodyLocationType0
from .pathway_body_organisation_type_type_0 import PathwayBodyOrganisationTypeType0
from .pathway_get_location_type_0 import PathwayGetLocationType0
from .pathway_get_organisation_type_type_0 import PathwayGetOrganisationTypeType0
from .pathway_response import PathwayResponse
from .problem import Problem
from .problem_page import ProblemPage
from .profile_out import ProfileOut
from .profile_out_location_type_0 import ProfileOutLocationType0
from .profile_out_organisation_type_type_0 import ProfileOutOrganisationTypeType0
from .provenance import Provenance
from .provider_create import ProviderCreate
from .provider_detail import ProviderDetail
from .provider_page import ProviderPage
from .provider_public import ProviderPublic
from .provider_record import ProviderRecord
from .provider_ref import ProviderRef
from .provider_update import ProviderUpdate
from .readiness import Readiness
from .reason_out import ReasonOut
from .recommended_offer import RecommendedOffer
from .restrictions import Restrictions
from .route_step import RouteStep
from .seed_passage import SeedPassage
from .stage_facet import StageFacet
from .stage_out import StageOut
from .stage_public import StagePublic
from .stages_response import StagesResponse
from .term_public import TermPublic
from .terms_response import TermsResponse
from .trl_public import TrlPublic
from .verification import Verification

__all__ = (
    "AdminListAuditEntityTypeType0",
    "Application",
    "ApplicationMode",
    "AuditEventPublic",
    "AuditEventPublicAfterType0",
    "AuditEventPublicBeforeType0",
    "AuditPage",
    "CountedValue",
    "CoverageAxis",
    "CoverageCell",
    "CoverageReport",
    "CoverageReportLocationItem",
    "DemandCell",
    "DemandReport",
    "DemandReportLocationItem",
    "FacetCount",
    "FieldProblem",
    "FollowUpOut",
    "FrontDoorOut",
    "GetCoverageFormatType0",
    "GetCoverageLocationItem",
    "GetCoverageSvgLocationItem",
    "GetDemandFormatType0",
    "GetDemandLocationItem",
    "GetOfferFacetsCostItem",
    "GetOfferFacetsKindItem",
    "GetOfferFacetsLocationItem",
    "GetOfferFacetsOrganisationTypeItem",
    "GetOfferFacetsStatusItem",
    "GetOrganizationResponse200",
    "GetProblemTypeSlug",
    "GetServiceAtLocationResponse200",
    "GetServiceResponse200",
    "GetTaxonomyResponse200",
    "GetTaxonomyTermResponse200",
    "Health",
    "HsdsOpenapiResponseHsdsOpenapi",
    "HsdsRootResponseHsdsRoot",
    "Index",
    "IndexEndpoints",
    "InferenceOut",
    "IntakeOption",
    "IntakeOptionImplies",
    "IntakeProfile",
    "IntakeProfileLocationType0",
    "IntakeProfileOrganisationTypeType0",
    "IntakeQuestion",
    "IntakeQuestionKind",
    "IntakeQuestions",
    "IntakeRequest",
    "IntakeRequestAnswers",
    "IntakeRequestLocationType0",
    "IntakeRequestOrganisationTypeType0",
    "IntakeResponse",
    "KeyCreate",
    "KeyCreated",
    "KeyCreatedRole",
    "KeyCreateRole",
    "KeyList",
    "KeyPublic",
    "KeyPublicRole",
    "KeywordNeed",
    "ListLocationsFormatType0",
    "ListNeedsFormatType0",
    "ListOffersCostItem",
    "ListOffersFormatType0",
    "ListOffersKindItem",
    "ListOffersLocationItem",
    "ListOffersOrganisationTypeItem",
    "ListOffersSortType0",
    "ListOffersStatusItem",
    "ListOrganisationTypesFormatType0",
    "ListOrganizationsFormat",
    "ListOrganizationsResponse200",
    "ListProviderKindsFormatType0",
    "ListProvidersFormatType0",
    "ListSectorsFormatType0",
    "ListServiceAtLocationsFormat",
    "ListServiceAtLocationsResponse200",
    "ListServicesFormat",
    "ListServicesResponse200",
    "ListStagesFormatType0",
    "ListTaxonomiesFormat",
    "ListTaxonomiesResponse200",
    "ListTaxonomyTermsFormat",
    "ListTaxonomyTermsResponse200",
    "LocationPublic",
    "LocationsResponse",
    "MatchedOffer",
    "MatchGetExplain",
    "MatchGetLocationType0",
    "MatchGetOrganisationTypeType0",
    "MatchRequest",
    "MatchRequestExplain",
    "MatchRequestLocationType0",
    "MatchRequestOrganisationTypeType0",
    "MatchResponse",
    "MatchResult",
    "MatchResultComponentsType0",
    "NearMissOut",
    "NeedCreate",
    "NeedCreated",
    "NeedFacet",
    "NeedPublic",
    "NeedsResponse",
    "OfferCreate",
    "OfferCreateCost",
    "OfferCreateKind",
    "OfferCreateStatus",
    "OfferFacets",
    "OfferPage",
    "OfferPublic",
    "OfferPublicCost",
    "OfferPublicKind",
    "OfferPublicStatus",
    "OfferRecord",
    "OfferUpdate",
    "OfferUpdateCostType0",
    "OfferUpdateKindType0",
    "OfferUpdateStatusType0",
    "PageCitation",
    "PageLinks",
    "PathwayBody",
    "PathwayBodyLocationType0",
    "PathwayBodyOrganisationTypeType0",
    "PathwayGetLocationType0",
    "PathwayGetOrganisationTypeType0",
    "PathwayResponse",
    "Problem",
    "ProblemPage",
    "ProfileOut",
    "ProfileOutLocationType0",
    "ProfileOutOrganisationTypeType0",
    "Provenance",
    "ProviderCreate",
    "ProviderDetail",
    "ProviderPage",
    "ProviderPublic",
    "ProviderRecord",
    "ProviderRef",
    "ProviderUpdate",
    "Readiness",
    "ReasonOut",
    "RecommendedOffer",
    "Restrictions",
    "RouteStep",
    "SeedPassage",
    "StageFacet",
    "StageOut",
    "StagePublic",
    "StagesResponse",
    "TermPublic",
    "TermsResponse",
    "TrlPublic",
    "Verification",
)
