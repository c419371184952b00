"""The admin's listings read as a person reads them."""

from lxml import html


def cells(client, url, heading):
    """The cells of the column headed `heading`, top to bottom."""
    response = client.get(url)
    assert response.status_code == 200
    table = html.fromstring(response.content).xpath("//table[contains(@class, 'listing')]")[0]
    headings = [" ".join(th.text_content().split()) for th in table.xpath(".//thead//th")]
    column = headings.index(heading)
    return [" ".join(row.xpath("./td")[column].text_content().split()) for row in table.xpath(".//tbody/tr")]
