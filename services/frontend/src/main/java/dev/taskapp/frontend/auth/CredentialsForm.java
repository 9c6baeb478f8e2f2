package dev.taskapp.frontend.auth;

/** The sign-in and sign-up forms. The password is never rendered back into the page. */
public class CredentialsForm {

    private String username = "";
    private String password = "";

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? "" : username.strip();
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }
}
