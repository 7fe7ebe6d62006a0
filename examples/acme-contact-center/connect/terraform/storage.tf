resource "aws_s3_bucket" "recordings" {
  bucket = "acme-energy-cc-call-recordings"
}

resource "aws_s3_bucket_public_access_block" "recordings" {
  bucket                  = aws_s3_bucket.recordings.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Compliant: recordings and transcripts expire after 180 days.
resource "aws_s3_bucket_lifecycle_configuration" "recordings" {
  bucket = aws_s3_bucket.recordings.id

  rule {
    id     = "expire-contact-media"
    status = "Enabled"
    filter {}
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
    expiration {
      days = 180
    }
  }
}

# Deliberate violation: flow logs kept 30 days (policy: at least 365).
resource "aws_cloudwatch_log_group" "connect_flows" {
  name              = "/aws/connect/acme-energy-cc"
  retention_in_days = 30
}
