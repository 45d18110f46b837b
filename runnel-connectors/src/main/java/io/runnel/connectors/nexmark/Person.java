package io.runnel.connectors.nexmark;

import java.io.Serializable;
import java.util.Objects;

/**
 * A person (seller or bidder). Fields are public and mutable so that the generator can refill one
 * instance per event instead of allocating (see {@link NexmarkGenerator#fill}).
 */
public final class Person implements Serializable {
    private static final long serialVersionUID = 1L;

    public long id;
    public String name;
    public String emailAddress;
    public String creditCard;
    public String city;
    public String state;
    /** Event time, epoch milliseconds. */
    public long dateTime;
    public String extra;

    public Person() {}

    public Person(long id, String name, String emailAddress, String creditCard,
                  String city, String state, long dateTime, String extra) {
        this.id = id;
        this.name = name;
        this.emailAddress = emailAddress;
        this.creditCard = creditCard;
        this.city = city;
        this.state = state;
        this.dateTime = dateTime;
        this.extra = extra;
    }

    /** A copy, for consumers that keep a person beyond the generator's next refill. */
    public Person copy() {
        return new Person(id, name, emailAddress, creditCard, city, state, dateTime, extra);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Person)) return false;
        Person p = (Person) o;
        return id == p.id && dateTime == p.dateTime && Objects.equals(name, p.name)
                && Objects.equals(emailAddress, p.emailAddress) && Objects.equals(creditCard, p.creditCard)
                && Objects.equals(city, p.city) && Objects.equals(state, p.state) && Objects.equals(extra, p.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, emailAddress, creditCard, city, state, dateTime, extra);
    }

    @Override
    public String toString() {
        return "Person{id=" + id + ", name=" + name + ", emailAddress=" + emailAddress + ", creditCard=" + creditCard
                + ", city=" + city + ", state=" + state + ", dateTime=" + dateTime + ", extra=" + extra + '}';
    }
}
