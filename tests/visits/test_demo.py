"""The demo's group visits: one booked, others waiting or with another time proposed, loaded once."""

from demo.loader import DemoLoader
from demo.visits import build
from visits.models import VisitRequest


def test_the_demo_holds_a_few_visit_requests_once(demo_site, admin_client):
    statuses = sorted(VisitRequest.objects.values_list("status", flat=True))
    assert statuses == ["accepted", "proposed", "requested", "requested"]
    assert VisitRequest.objects.filter(language="en").count() == 1
    build(DemoLoader(log=lambda message: None))
    assert VisitRequest.objects.count() == 4
    booked = admin_client.get("/admin/group_visits/", {"status": "accepted"})
    assert "SDN Barurambat Kota 2" in booked.text and "MTs Al-Falah Pamekasan" not in booked.text
