# email's policies extend their docstrings from every class attribute, str ones
# included; mailbox and smtplib import them.
import mailbox
import smtplib
from email import policy
from email.message import EmailMessage

msg = EmailMessage(policy=policy.default)
msg['From'] = 'a@example.com'
msg['To'] = 'b@example.com'
msg['Subject'] = 'Hello'
msg.set_content('Body text.\n')
print(msg.as_string())
print(policy.default.max_line_length, policy.SMTP.linesep == '\r\n')
print(smtplib.SMTP_PORT, mailbox.Maildir.__name__)
