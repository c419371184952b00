# Similar-spelling search on PostgreSQL uses pg_trgm (a trusted extension: the database owner may
# create it). Django skips this operation on other databases.
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_special_hours_alerts_share_image")]

    operations = [TrigramExtension()]
